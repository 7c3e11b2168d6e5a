/**
 * Kommunicering (FL 25 §): before a decision that goes against the person, tell them the material and let them answer
 * within a deadline, unless it is unnecessary for a reason in FL 25 § andra stycket (recorded with the reason).
 * SOSFS 2014:5 5 kap. 12 §: record whether, when and how the material was communicated.
 */
import { isAdverse, type DecisionOutcome } from './types.ts';

export interface CommunicationState {
  kind: 'sent' | 'unnecessary';
  sentAt: string | null;
  answerDeadline: string | null;
  answeredAt: string | null;
  unnecessaryReason: string | null;
}

export type CommunicationStatus = 'notNeeded' | 'missing' | 'awaitingAnswer' | 'answered' | 'deadlinePassed' | 'unnecessary';

export const COMMUNICATION_STATUS_LABELS: Record<CommunicationStatus, string> = {
  notNeeded: 'Behövs inte (beslutet går inte emot den enskilde)',
  missing: 'Ej kommunicerat',
  awaitingAnswer: 'Kommunicerat – väntar på svar',
  answered: 'Kommunicerat – svar har kommit',
  deadlinePassed: 'Kommunicerat – svarstiden har gått ut',
  unnecessary: 'Kommunicering obehövlig (skäl antecknat)',
};

/** `now` is an ISO instant given by the caller (the server's clock at decision time). */
export function communicationStatus(outcome: DecisionOutcome, c: CommunicationState | null, now: string): CommunicationStatus {
  if (c?.kind === 'unnecessary') return 'unnecessary';
  if (c?.kind === 'sent') {
    if (c.answeredAt) return 'answered';
    if (c.answerDeadline && c.answerDeadline <= now) return 'deadlinePassed';
    return 'awaitingAnswer';
  }
  return isAdverse(outcome) ? 'missing' : 'notNeeded';
}

/** May the decision be made as far as kommunicering goes? Message in Swedish when not. */
export function communicationBlocks(outcome: DecisionOutcome, c: CommunicationState | null, now: string): string | null {
  if (!isAdverse(outcome)) return null;
  const s = communicationStatus(outcome, c, now);
  if (s === 'missing')
    return 'Beslutet går den enskilde emot. Innan det fattas ska underlaget kommuniceras (förvaltningslagen 25 §), eller så ska du anteckna varför kommunicering är uppenbart obehövlig.';
  if (s === 'awaitingAnswer') return 'Underlaget är kommunicerat men svarstiden har inte gått ut och inget svar är registrerat. Registrera svaret eller vänta tills svarstiden har gått ut.';
  return null;
}

export const COMMUNICATION_CHANNELS = ['letter', 'eService', 'meeting', 'phone', 'email'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];
export const COMMUNICATION_CHANNEL_LABELS: Record<CommunicationChannel, string> = {
  letter: 'Brev',
  eService: 'Mina sidor',
  meeting: 'Vid möte',
  phone: 'Telefon',
  email: 'E-post',
};
