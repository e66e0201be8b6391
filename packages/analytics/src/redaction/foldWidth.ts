/** Full-width digits and letters (１２３, ＡＢ, ＠) as typed in CJK input methods, folded to ASCII one-for-one so offsets stay. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}
