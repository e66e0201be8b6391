import type { AnalysisLocale } from '../analysisLocale.ts';
import type { TransactionFact } from '../contactFacts.ts';

/** The fixed wording of summaries in one language. */
export interface SummaryPhrases {
  readonly status: Readonly<Record<TransactionFact['status'], string>>;
  readonly outcomes: Readonly<Record<string, string>>;
  readonly separator: string;
  readonly unknownReason: string;
  readonly unknownOutcome: string;
  readonly retry: (name: string) => string;
  readonly confirm: (name: string) => string;
  readonly agentNotes: (notes: string) => string;
  /** Labels of the lines quoted from an agent conversation. */
  readonly customerSaid: (text: string) => string;
  readonly agentSaid: (text: string) => string;
}

/** Summary wording per analysis language; outcomes not listed are shown as recorded. */
export const summaryPhrases: Readonly<Record<AnalysisLocale, SummaryPhrases>> = {
  en: {
    status: { succeeded: 'succeeded', failed: 'failed', pending: 'pending' },
    outcomes: {
      resolved: 'Resolved',
      transferred: 'Transferred to an agent',
      abandoned: 'Caller hung up',
      callbackScheduled: 'Callback scheduled',
      failed: 'Not resolved',
    },
    separator: ': ',
    unknownReason: 'Reason not recorded',
    unknownOutcome: 'Outcome not recorded',
    retry: (name) => `Retry ${name}`,
    confirm: (name) => `Confirm the result of ${name}`,
    agentNotes: (notes) => `agent notes: ${notes}`,
    customerSaid: (text) => `Customer: ${text}`,
    agentSaid: (text) => `Agent: ${text}`,
  },
  'zh-CN': {
    status: { succeeded: '成功', failed: '失败', pending: '处理中' },
    outcomes: {
      resolved: '已解决',
      transferred: '已转人工',
      abandoned: '客户挂断',
      callbackScheduled: '已预约回电',
      failed: '未解决',
    },
    separator: '：',
    unknownReason: '未记录来电原因',
    unknownOutcome: '未记录结果',
    retry: (name) => `重新办理：${name}`,
    confirm: (name) => `确认结果：${name}`,
    agentNotes: (notes) => `坐席备注：${notes}`,
    customerSaid: (text) => `客户：${text}`,
    agentSaid: (text) => `坐席：${text}`,
  },
  'ko-KR': {
    status: { succeeded: '성공', failed: '실패', pending: '처리 중' },
    outcomes: {
      resolved: '해결됨',
      transferred: '상담원 연결',
      abandoned: '고객이 통화를 종료함',
      callbackScheduled: '콜백 예약됨',
      failed: '미해결',
    },
    separator: ': ',
    unknownReason: '문의 사유 기록 없음',
    unknownOutcome: '결과 기록 없음',
    retry: (name) => `재처리 필요: ${name}`,
    confirm: (name) => `결과 확인 필요: ${name}`,
    agentNotes: (notes) => `상담원 메모: ${notes}`,
    customerSaid: (text) => `고객: ${text}`,
    agentSaid: (text) => `상담원: ${text}`,
  },
};
