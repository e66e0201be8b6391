/** Reads chosen files as JSON documents for a batch import; a file that is not JSON is kept aside with the reason. */
export async function readImportFiles(files: readonly File[]): Promise<{
  documents: { name: string; document: unknown }[];
  unreadable: { source: string; code: string; message: string }[];
}> {
  const documents: { name: string; document: unknown }[] = [];
  const unreadable: { source: string; code: string; message: string }[] = [];
  for (const file of files) {
    try {
      const document: unknown = JSON.parse(await file.text());
      documents.push({ name: file.name, document });
    } catch (error) {
      unreadable.push({
        source: file.name,
        code: 'NOT_JSON',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { documents, unreadable };
}
