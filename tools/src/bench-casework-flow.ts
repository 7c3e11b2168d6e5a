/**
 * The chain of `npm run bench:casework`, run from the bench process against the server (a separate process), through
 * the HTTP API only. Per application:
 *
 *   mottagning    POST /intake → /intake/:id/interview → /preliminary-calculation → /responsibility
 *                 → /checklist (before booking) → /booking → /checklist (before hand-over) → /assign
 *   handläggare   GET /applications/:id → PUT /applications/:id → POST /applications/:id/calculations
 *                 [→ POST /applications/:id/adjustments (dental care adjusted down)]
 *                 → POST /applications/:id/decisions → PATCH /decisions/:id
 *                 [delavslag → POST /decisions/:id/communication (unnecessary, or sent + POST /communications/:id/answer)]
 *                 [no delegation for the amount → POST /decisions/:id/submit, the unit manager decides]
 *                 → POST /decisions/:id/decide                                              ← the measured decision
 *                 → POST /cases/:id/payment-accounts + /payment-accounts/:id/verify (client, maybe landlord)
 *                 → POST /decisions/:id/payments
 *   kassa         POST /payments/:id/approve (four-eyes: neither the decider nor the proposer)
 *
 * and once at the end: kassa POST /payment-files → GET /payment-files/:id → GET …/xml (checked against the decided
 * amounts) → POST /payment-files/:id/confirm.
 */
import { monthBounds } from '@vagen/domain';
import { HouseholdFactory, visitDay, type SyntheticHousehold, type SyntheticPerson } from './bench-casework-households.ts';
import { Stats, StepFailure, StaffSession } from './bench-casework-http.ts';

export interface CaseworkConfig {
  baseUrl: string;
  password: string;
  applications: number;
  concurrency: number;
  /** Stop starting new chains after this many seconds (chains in flight are finished). */
  maxSeconds: number;
  seed: number;
  /** YYYY-MM-DD (Stockholm) */
  today: string;
  /** YYYY-MM the applications are for. */
  periodMonth: string;
  /** Personnummer already in the database. */
  takenPersonnummer: Iterable<string>;
  log: (line: string) => void;
}

interface ChainResult {
  household: SyntheticHousehold;
  ok: boolean;
  failedStep: string | null;
  outcome: string | null;
  decidedAmount: number;
  paymentIds: string[];
  decidedBy: 'worker' | 'manager' | null;
}

export interface FileCheck {
  fileId: string;
  messageId: string;
  paymentCount: number;
  totalAmount: number;
  ourPayments: number;
  otherPayments: number;
  /** Sum of the decided amounts of the applications whose payments are all in the file. */
  decidedSum: number;
  /** Sum of this run's payments in the file. */
  paidSum: number;
  xmlTransactions: number;
  xmlControlSum: number;
  xmlAmountSum: number;
  confirmed: boolean;
  ok: boolean;
  problems: string[];
  /** Every payment in the file, as the server lists it. */
  paymentIds: Set<string>;
}

export interface CaseworkResult {
  started: number;
  completedChains: number;
  failedChains: number;
  /** Applications that reached an approved payment included in a payment file. */
  inFile: number;
  outcomes: Record<string, number>;
  plans: Record<string, number>;
  householdKinds: Record<string, number>;
  decidedByManager: number;
  failuresByStep: Record<string, number>;
  chainSeconds: number;
  /** Chains started until the payment file exists. */
  measuredSeconds: number;
  timeCapHit: boolean;
  decisionLatencies: number[];
  stats: Stats;
  files: FileCheck[];
  fileError: string | null;
}

const PLACES = ['Socialkontoret, Storgatan 10, Vägby', 'Medborgarkontoret Norr, Kyrkvägen 4, Vägby'];
const VISIT_SLOTS_UTC = ['07:30', '08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '12:30', '13:00', '13:30', '14:00', '14:30'];

const kr = (ore: number) => `${(ore / 100).toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;

/** "1234.56" → 123456 öre, without floating point. */
function oreOf(text: string): number {
  const [whole, frac = ''] = text.trim().split('.');
  return Number(whole) * 100 + Number(`${frac}00`.slice(0, 2));
}

function personInput(p: SyntheticPerson, h: SyntheticHousehold) {
  return { personnummer: p.personnummer, firstName: p.firstName, lastName: p.lastName, addressLine: h.address.line, postalCode: h.address.postalCode, city: h.address.city };
}

function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const OBSTACLE_FOR_INCOME: Record<string, string> = {
  none: 'unemployed.none',
  unemploymentBenefit: 'unemployed.insufficient',
  salary: 'partTime.insufficient',
  sicknessBenefit: 'sickLeave.insufficient',
  parentalBenefit: 'parentalBenefit.insufficient',
};

interface IntakeAnswer {
  id: string;
  caseId: string;
  applicationId: string;
  caseNumber: string;
}
interface ApplicationAnswer {
  id: string;
  content: {
    applicant: { personId: string | null; name: string };
    coApplicant: { personId: string | null; name: string } | null;
    children: { id: string; personId: string | null; name: string; birthDate: string; daysAtHome: number | null; lunchAtPreschool: boolean }[];
    period: { start: string; end: string };
    [k: string]: unknown;
  };
}
interface DecisionAnswer {
  id: string;
  status: string;
  outcome: string;
  amount: number;
  systemAmount: number;
  reasons: string;
  items: { key: string; label: string; applied: number; approved: number; refused: number; reason: string }[];
  communicationStatus: string;
  delegation: { youMayDecide: boolean };
  itemPhrases: { key: string; phrases: { id: string; text: string }[] }[];
}
interface AccountAnswer {
  id: string;
}
interface ProposalAnswer {
  payments: { id: string; amount: number }[];
}

export async function runCasework(config: CaseworkConfig): Promise<CaseworkResult> {
  const base = new URL(config.baseUrl);
  if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost') throw new Error('Benchmarken körs bara mot loopback.');
  const stats = new Stats();
  const sockets = config.concurrency + 2;
  const session = (username: string, k: number) => new StaffSession(base, username, `127.0.0.${30 + k}`, sockets, stats);
  const intake = session('mottagning', 0);
  const workers = [session('handlaggare.nord', 1), session('forste', 2)];
  const manager = session('enhetschef', 3);
  const kassa = session('kassa', 4);
  const everyone = [intake, ...workers, manager, kassa];
  for (const s of everyone) await s.login(config.password);
  const unitId = intake.user.units[0]?.id;
  if (!unitId) throw new Error('mottagning hör inte till någon enhet');
  config.log(`  inloggade: ${everyone.map((s) => `${s.username} (${s.user.role})`).join(', ')}; enhet ${intake.user.units[0]!.name}`);

  const factory = new HouseholdFactory(config.seed, config.today, config.takenPersonnummer, workers.length);
  const periodEnd = monthBounds(config.periodMonth).last;
  const decisionLatencies: number[] = [];
  const results: ChainResult[] = [];

  async function chain(h: SyntheticHousehold): Promise<ChainResult> {
    const r: ChainResult = { household: h, ok: false, failedStep: null, outcome: null, decidedAmount: 0, paymentIds: [], decidedBy: null };
    const worker = workers[h.workerSlot]!;
    try {
      // ---- Mottagning
      const registered = await intake.call<IntakeAnswer>('intake.register', 'POST', '/api/v1/intake', {
        unitId,
        channel: h.channel,
        track: h.track,
        periodMonth: config.periodMonth,
        need: h.children.length ? 'Pengar till mat, hyra och barnens kläder' : 'Pengar till mat och hyra',
        applicant: personInput(h.applicant, h),
        ...(h.coApplicant ? { coApplicant: personInput(h.coApplicant, h) } : {}),
        ...(h.children.length ? { children: h.children.map((c) => personInput(c, h)) } : {}),
      });
      const iid = registered.id;
      await intake.call('intake.interview', 'POST', `/api/v1/intake/${iid}/interview`, {
        need: 'Har inte tillräckliga inkomster för att klara mat och hyra denna månad.',
        ownEfforts: 'Inskriven på Arbetsförmedlingen och söker arbete.',
        address: { line: h.address.line, postalCode: h.address.postalCode, city: h.address.city },
        housing: { tenure: h.tenure, monthlyCost: h.rent },
        household: {
          coApplicant: h.coApplicant !== null,
          children: h.children.map((c) => ({ birthDate: c.birthDate, ...(ageOn(c.birthDate, config.today) <= 5 && ageOn(c.birthDate, config.today) >= 1 ? { lunchAtPreschool: true } : {}) })),
        },
        family: h.kind === 'single' ? 'Ensamstående, inga barn.' : `Hushållet: ${1 + (h.coApplicant ? 1 : 0)} vuxna och ${h.children.length} barn.`,
        otherPersonsAtAddress: { present: false },
        ownership: { car: false, company: false, tenantOwnedFlat: false },
        earlierAssistance: { received: false },
        incomes: [
          ...h.incomes.map((x) => ({ type: x.type, person: x.person, amount: x.amount })),
          ...(h.childAllowance > 0 ? [{ type: 'childAllowance', person: 'applicant', amount: h.childAllowance }] : []),
        ],
        otherCosts: h.costs.filter((c) => c.type !== 'dentalCare').map((c) => ({ type: c.type, amount: c.amount })),
      });
      await intake.call('intake.preliminary', 'POST', `/api/v1/intake/${iid}/preliminary-calculation`);
      await intake.call('intake.responsibility', 'POST', `/api/v1/intake/${iid}/responsibility`, {
        municipalityResponsible: 'yes',
        basis: 'registered',
        rightInstance: 'yes',
        otherBenefits: 'A-kassa och Försäkringskassan är undersökta.',
      });
      await intake.call('intake.checklist', 'POST', `/api/v1/intake/${iid}/checklist`, {
        stage: 'beforeBooking',
        keys: ['identity', 'acuteNeed'], // the rest is read from the contact (derivedFrom)
        checked: true,
      });
      const day = visitDay(config.today, 1 + (h.index % 8));
      await intake.call('intake.booking', 'POST', `/api/v1/intake/${iid}/booking`, {
        visitAt: `${day}T${VISIT_SLOTS_UTC[h.index % VISIT_SLOTS_UTC.length]}:00Z`,
        place: PLACES[h.index % PLACES.length],
        workerId: worker.user.id,
        documents: [
          'identity',
          'lease',
          'bankStatements',
          ...(h.incomes.some((x) => x.type === 'salary') ? ['payslips'] : []),
          ...(h.incomes.some((x) => x.type === 'unemploymentBenefit') ? ['unemploymentFund'] : []),
        ],
      });
      await intake.call('intake.checklist', 'POST', `/api/v1/intake/${iid}/checklist`, {
        stage: 'beforeHandover',
        keys: ['journal'], // booking and documents are read from the contact
        checked: true,
      });
      await intake.call('intake.assign', 'POST', `/api/v1/intake/${iid}/assign`, { workerId: worker.user.id, note: 'Överlämnat efter nybesöksbokning.' });

      // ---- Handläggaren: application, calculation, decision
      const appPath = `/api/v1/applications/${registered.applicationId}`;
      const app = await worker.call<ApplicationAnswer>('application.read', 'GET', appPath);
      const periodStart = app.content.period.start;
      const incomes = [
        ...h.incomes.map((x, i) => ({ id: `ink${i + 1}`, type: x.type, person: x.person, amount: x.amount, note: '' })),
        ...(h.childAllowance > 0 ? [{ id: 'bb', type: 'childAllowance', person: 'applicant', amount: h.childAllowance, note: 'Barnbidrag och flerbarnstillägg' }] : []),
      ];
      await worker.call('application.update', 'PUT', appPath, {
        ...app.content,
        children: app.content.children.map((c) => {
          const age = ageOn(c.birthDate, periodStart);
          return { ...c, lunchAtPreschool: age >= 1 && age <= 5 };
        }),
        housing: { tenure: h.tenure, rent: h.rent, personsInDwelling: 1 + (h.coApplicant ? 1 : 0) + h.children.length, sharesHousehold: false, note: '' },
        incomes,
        costs: h.costs.map((c) => ({ id: c.id, type: c.type, amount: c.amount, note: c.note })),
        assets: [],
      });
      await worker.call('calculation.create', 'POST', `${appPath}/calculations`);
      const dental = h.costs.find((c) => c.type === 'dentalCare');
      if (dental) {
        await worker.call('calculation.adjust', 'POST', `${appPath}/adjustments`, {
          lineKey: `cost:${dental.id}`,
          value: Math.round(dental.amount / 200) * 100,
          note: 'Halva kostnadsförslaget avser behandling som inte är nödvändig.',
        });
      }
      let d = await worker.call<DecisionAnswer>('decision.draft', 'POST', `${appPath}/decisions`);
      const adults: { adult: 'applicant' | 'coApplicant'; code: string }[] = [
        { adult: 'applicant', code: OBSTACLE_FOR_INCOME[h.incomes.find((x) => x.person === 'applicant')?.type ?? 'none']! },
        ...(h.coApplicant ? [{ adult: 'coApplicant' as const, code: OBSTACLE_FOR_INCOME[h.incomes.find((x) => x.person === 'coApplicant')?.type ?? 'none']! }] : []),
      ];
      const refusedItems = d.items.filter((i) => i.refused > 0);
      d = await worker.call<DecisionAnswer>('decision.update', 'PATCH', `/api/v1/decisions/${d.id}`, {
        reasons:
          d.reasons.trim().length >= 20
            ? d.reasons
            : 'Du har ansökt om ekonomiskt bistånd. Hushållets inkomster räcker inte till riksnormen och de skäliga kostnaderna, enligt 12 kap. 1 § socialtjänstlagen.',
        supportObstacles: adults,
        ...(h.children.length ? { childPerspective: { consideration: 'Barnens behov av mat, kläder och ett tryggt boende är tillgodosedda genom beslutet.', childSpokenTo: false } } : {}),
        ...(refusedItems.length
          ? {
              itemReasons: refusedItems.map((i) => {
                const phrases = d.itemPhrases.find((p) => p.key === i.key)?.phrases ?? [];
                const phrase = phrases.find((p) => p.id === (i.key === 'cost:housing' ? 'item.aboveCap' : 'item.notNecessary')) ?? phrases[0];
                return { key: i.key, reason: phrase?.text.trim() || `${i.label}: beviljas inte fullt ut eftersom kostnaden är högre än vad som är skäligt.` };
              }),
            }
          : {}),
      });
      r.outcome = d.outcome;
      if (d.outcome !== 'granted' && d.outcome !== 'dismissed' && d.communicationStatus === 'missing') {
        if (h.communication === 'unnecessary') {
          await worker.call('decision.communication', 'POST', `/api/v1/decisions/${d.id}/communication`, {
            kind: 'unnecessary',
            exceptionId: 'urgent',
            reason: 'Hushållet saknar pengar till mat och hyra denna månad; avgörandet kan inte skjutas upp.',
          });
        } else {
          const sentAt = new Date(Date.now() - 10 * 60_000);
          const comm = await worker.call<{ id: string }>('decision.communication', 'POST', `/api/v1/decisions/${d.id}/communication`, {
            kind: 'sent',
            channel: 'phone',
            sentAt: sentAt.toISOString(),
            answerDeadline: new Date(sentAt.getTime() + 7 * 86_400_000).toISOString(),
            text: `Vi tänker bevilja ${kr(d.amount)} och avslå en del av ansökan: ${refusedItems.map((i) => `${i.label} ${kr(i.refused)}`).join(', ') || 'se underlaget'}.`,
          });
          await worker.call('communication.answer', 'POST', `/api/v1/communications/${comm.id}/answer`, {
            text: 'Har tagit del av underlaget och har inget att tillägga.',
            answeredAt: new Date(Date.now() - 60_000).toISOString(),
          });
        }
      }
      let decider = worker;
      if (!d.delegation.youMayDecide) {
        await worker.call('decision.submit', 'POST', `/api/v1/decisions/${d.id}/submit`);
        decider = manager;
      }
      const t0 = performance.now();
      const decided = await decider.call<DecisionAnswer>('decision.decide', 'POST', `/api/v1/decisions/${d.id}/decide`);
      decisionLatencies.push(performance.now() - t0);
      r.decidedBy = decider === manager ? 'manager' : 'worker';
      r.outcome = decided.outcome;
      r.decidedAmount = decided.amount;
      if (decided.amount <= 0) {
        r.ok = true; // Decided, nothing to pay.
        return r;
      }

      // ---- Payment: accounts, proposal, the kassa's check
      const parts: { accountId: string; amount: number }[] = [];
      const clientAccount = await worker.call<AccountAnswer>('account.create', 'POST', `/api/v1/cases/${registered.caseId}/payment-accounts`, {
        payeeKind: 'client',
        personId: app.content.applicant.personId,
        ...h.clientAccount,
      });
      await worker.call('account.verify', 'POST', `/api/v1/payment-accounts/${clientAccount.id}/verify`, { note: 'Kontobevis från banken' });
      const rentApproved = decided.items.find((i) => i.key === 'cost:housing')?.approved ?? 0;
      if (h.payLandlord && rentApproved > 0 && decided.amount > rentApproved) {
        const landlord = await worker.call<AccountAnswer>('account.create', 'POST', `/api/v1/cases/${registered.caseId}/payment-accounts`, { payeeKind: 'landlord', ...h.landlord });
        await worker.call('account.verify', 'POST', `/api/v1/payment-accounts/${landlord.id}/verify`, { note: 'Bankgiro kontrollerat mot hyresavtalet' });
        parts.push({ accountId: landlord.id, amount: rentApproved }, { accountId: clientAccount.id, amount: decided.amount - rentApproved });
      } else {
        parts.push({ accountId: clientAccount.id, amount: decided.amount });
      }
      const proposal = await worker.call<ProposalAnswer>('payment.propose', 'POST', `/api/v1/decisions/${d.id}/payments`, { parts });
      for (const p of proposal.payments) {
        await kassa.call('payment.approve', 'POST', `/api/v1/payments/${p.id}/approve`);
        r.paymentIds.push(p.id);
      }
      r.ok = true;
    } catch (error) {
      if (error instanceof StepFailure) r.failedStep = error.step;
      else {
        r.failedStep = 'bench';
        const s = stats.of('bench');
        if (s.samples.length < 3) s.samples.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
    }
    return r;
  }

  // ---- The measured chain
  const t0 = performance.now();
  let next = 0;
  let started = 0;
  let timeCapHit = false;
  const lane = async () => {
    for (;;) {
      if (next >= config.applications) return;
      if ((performance.now() - t0) / 1000 >= config.maxSeconds) {
        timeCapHit = true;
        return;
      }
      const index = next++;
      started++;
      results.push(await chain(factory.next(index)));
    }
  };
  let lastCount = 0;
  let lastAt = t0;
  const progress = setInterval(() => {
    const now = performance.now();
    const done = results.length;
    const failed = results.filter((x) => !x.ok).length;
    const rate = ((done - lastCount) * 60_000) / (now - lastAt);
    config.log(
      `  ${((now - t0) / 1000).toFixed(0).padStart(5)} s: ${String(done).padStart(5)} av ${config.applications} klara (${failed} avbrutna), ${started - done} pågår, ${rate.toFixed(0)} ansökningar/min, ${stats.non2xx} svar utan 2xx`,
    );
    lastCount = done;
    lastAt = now;
  }, 15_000);
  try {
    await Promise.all(Array.from({ length: Math.max(1, config.concurrency) }, () => lane()));
  } finally {
    clearInterval(progress);
  }
  const chainSeconds = (performance.now() - t0) / 1000;
  if (timeCapHit) config.log(`  tidsgränsen ${config.maxSeconds} s nåddes: ${started} av ${config.applications} ansökningar startades, de pågående gjordes klart.`);

  // ---- The payment file(s): every approved payment up to the end of the period.
  const files: FileCheck[] = [];
  let fileError: string | null = null;
  let measuredSeconds = chainSeconds;
  const ours = new Map<string, ChainResult>();
  for (const r of results) for (const id of r.paymentIds) ours.set(id, r);
  if (ours.size > 0) {
    try {
      const file = await kassa.call<{ id: string; messageId: string; paymentCount: number; totalAmount: number; xmlUrl: string }>('paymentFile.create', 'POST', '/api/v1/payment-files', {
        upTo: periodEnd,
      });
      measuredSeconds = (performance.now() - t0) / 1000;
      files.push(await checkFile(kassa, file, ours));
    } catch (error) {
      fileError = error instanceof Error ? error.message : String(error);
      measuredSeconds = (performance.now() - t0) / 1000;
    }
  }
  for (const s of everyone) s.close();

  // Applications with a decided amount whose every approved payment is in a payment file.
  const inFileIds = new Set(files.flatMap((f) => [...f.paymentIds]));
  let inFile = 0;
  for (const r of results) if (r.ok && r.paymentIds.length > 0 && r.paymentIds.every((id) => inFileIds.has(id))) inFile++;

  const count = <K extends string>(values: K[]) =>
    values.reduce<Record<string, number>>((acc, v) => {
      acc[v] = (acc[v] ?? 0) + 1;
      return acc;
    }, {});
  return {
    started,
    completedChains: results.filter((r) => r.ok).length,
    failedChains: results.filter((r) => !r.ok).length,
    inFile,
    outcomes: count(results.filter((r) => r.outcome && r.decidedBy).map((r) => r.outcome!)),
    plans: count(results.map((r) => r.household.plan)),
    householdKinds: count(results.map((r) => r.household.kind)),
    decidedByManager: results.filter((r) => r.decidedBy === 'manager').length,
    failuresByStep: count(results.filter((r) => r.failedStep).map((r) => r.failedStep!)),
    chainSeconds,
    measuredSeconds,
    timeCapHit,
    decisionLatencies,
    stats,
    files,
    fileError,
  };
}

/**
 * Checks a payment file: its payments (GET /payment-files/:id) against this run's approved payments and decided
 * amounts, and the pain.001 XML (NbOfTxs, CtrlSum, the sum of InstdAmt) against the file's own totals. Then the
 * bank's confirmation is recorded.
 */
async function checkFile(kassa: StaffSession, file: { id: string; messageId: string; paymentCount: number; totalAmount: number; xmlUrl: string }, ours: Map<string, ChainResult>): Promise<FileCheck> {
  const problems: string[] = [];
  const detail = await kassa.call<{ payments: { id: string; amount: number; decisionId: string | null }[] }>('paymentFile.read', 'GET', `/api/v1/payment-files/${file.id}`);
  const ids = new Set(detail.payments.map((p) => p.id));
  const ourInFile = detail.payments.filter((p) => ours.has(p.id));
  const paidSum = ourInFile.reduce((s, p) => s + p.amount, 0);
  const missing = [...ours.keys()].filter((id) => !ids.has(id));
  if (missing.length) problems.push(`${missing.length} godkända utbetalningar från körningen saknas i filen`);
  const chains = new Set(ourInFile.map((p) => ours.get(p.id)!));
  const decidedSum = [...chains].filter((r) => r.paymentIds.every((id) => ids.has(id))).reduce((s, r) => s + r.decidedAmount, 0);
  if (decidedSum !== paidSum) problems.push(`utbetalt i filen ${kr(paidSum)} ≠ beslutat ${kr(decidedSum)}`);
  const listedSum = detail.payments.reduce((s, p) => s + p.amount, 0);
  if (detail.payments.length !== file.paymentCount) problems.push(`filen anger ${file.paymentCount} utbetalningar men listar ${detail.payments.length}`);
  if (listedSum !== file.totalAmount) problems.push(`filen anger totalt ${kr(file.totalAmount)} men utbetalningarna summerar till ${kr(listedSum)}`);

  const xml = await kassa.call<string>('paymentFile.xml', 'GET', file.xmlUrl);
  const header = /<GrpHdr>[\s\S]*?<NbOfTxs>(\d+)<\/NbOfTxs>\s*<CtrlSum>([0-9.]+)<\/CtrlSum>/.exec(xml);
  const xmlTransactions = header ? Number(header[1]) : -1;
  const xmlControlSum = header ? oreOf(header[2]!) : -1;
  const amounts = [...xml.matchAll(/<InstdAmt Ccy="SEK">([0-9.]+)<\/InstdAmt>/g)].map((m) => oreOf(m[1]!));
  const xmlAmountSum = amounts.reduce((s, a) => s + a, 0);
  if (!header) problems.push('XML saknar NbOfTxs/CtrlSum i GrpHdr');
  if (xmlTransactions !== file.paymentCount || amounts.length !== file.paymentCount) problems.push(`XML: NbOfTxs ${xmlTransactions}, ${amounts.length} InstdAmt, filen ${file.paymentCount}`);
  if (xmlControlSum !== file.totalAmount || xmlAmountSum !== file.totalAmount) problems.push(`XML: CtrlSum ${kr(xmlControlSum)}, summa InstdAmt ${kr(xmlAmountSum)}, filen ${kr(file.totalAmount)}`);

  let confirmed = false;
  try {
    const c = await kassa.call<{ status: string }>('paymentFile.confirm', 'POST', `/api/v1/payment-files/${file.id}/confirm`, {});
    confirmed = c.status === 'confirmed';
  } catch (error) {
    problems.push(`bankens bekräftelse misslyckades: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    fileId: file.id,
    messageId: file.messageId,
    paymentCount: file.paymentCount,
    totalAmount: file.totalAmount,
    ourPayments: ourInFile.length,
    otherPayments: detail.payments.length - ourInFile.length,
    decidedSum,
    paidSum,
    xmlTransactions,
    xmlControlSum,
    xmlAmountSum,
    confirmed,
    ok: problems.length === 0,
    problems,
    paymentIds: ids,
  };
}
