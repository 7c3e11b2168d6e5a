/** TypeBox schemas of the intake API (strict: unknown fields are refused, numbers are never text). */
import { Type } from '@fastify/type-provider-typebox';
import {
  INTAKE_CHECKLIST_STAGES, INTAKE_INTERVIEW_COST_TYPES, INTAKE_INTERVIEW_INCOME_TYPES, INTAKE_INTERVIEW_PERSONS,
  INTAKE_RESPONSIBILITY_ANSWERS, INTAKE_RESPONSIBILITY_BASES, INTAKE_STATUSES, INTAKE_TENURE_TYPES, INTAKE_TRACKS,
  MAX_AMOUNT_ORE,
} from '@vagen/domain';

const Uuid = Type.String({ format: 'uuid' });
const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Text = (max: number) => Type.String({ maxLength: max });
const Amount = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'Belopp i hela ören per månad.' });

export const IntakeParams = Type.Object({ id: Uuid });

const PersonInput = Type.Object(
  {
    personnummer: Type.String({ minLength: 1, maxLength: 20, description: 'ÅÅÅÅMMDD-NNNN' }),
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    addressLine: Type.Optional(Text(200)),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9]{3} ?[0-9]{2}$' })),
    city: Type.Optional(Text(100)),
    phone: Type.Optional(Text(30)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    unitId: Uuid,
    channel: literals(['phone', 'paper', 'walkIn'] as const, 'Telefon, brev (papper) eller besök. E-tjänsten registrerar sina ansökningar själv.'),
    track: literals(INTAKE_TRACKS, 'Akut (frist 2 dagar) eller ordinarie.'),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'När kontakten kom in; standard nu. Får vara tidigare (brev), aldrig senare.' })),
    periodMonth: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'Månaden som ansökan gäller, ÅÅÅÅ-MM.' })),
    need: Type.Optional(Text(2000)),
    applicant: PersonInput,
    coApplicant: Type.Optional(PersonInput),
    children: Type.Optional(Type.Array(PersonInput, { maxItems: 15 })),
  },
  { additionalProperties: false },
);

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(literals(['open', 'all', ...INTAKE_STATUSES] as const)),
    track: Type.Optional(literals(INTAKE_TRACKS)),
    unitId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const InterviewBody = Type.Object(
  {
    need: Type.String({ minLength: 1, maxLength: 4000 }),
    ownEfforts: Type.Optional(Text(4000)),
    address: Type.Optional(Type.Object({ line: Text(200), postalCode: Text(10), city: Text(100) }, { additionalProperties: false })),
    housing: Type.Object(
      { tenure: literals(INTAKE_TENURE_TYPES), monthlyCost: Amount, note: Type.Optional(Text(1000)) },
      { additionalProperties: false },
    ),
    household: Type.Object(
      {
        coApplicant: Type.Boolean(),
        children: Type.Array(
          Type.Object(
            {
              birthDate: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'ÅÅÅÅ-MM-DD' }),
              daysAtHome: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })),
              lunchAtPreschool: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          { maxItems: 15 },
        ),
      },
      { additionalProperties: false },
    ),
    family: Type.Optional(Text(4000)),
    otherPersonsAtAddress: Type.Optional(Type.Object({ present: Type.Boolean(), note: Type.Optional(Text(1000)) }, { additionalProperties: false })),
    ownership: Type.Optional(Type.Object(
      { car: Type.Boolean(), company: Type.Boolean(), tenantOwnedFlat: Type.Boolean(), note: Type.Optional(Text(1000)) },
      { additionalProperties: false },
    )),
    earlierAssistance: Type.Optional(Type.Object(
      { received: Type.Boolean(), where: Type.Optional(Text(200)), when: Type.Optional(Text(200)) },
      { additionalProperties: false },
    )),
    incomes: Type.Optional(Type.Array(
      Type.Object({ type: literals(INTAKE_INTERVIEW_INCOME_TYPES), person: literals(INTAKE_INTERVIEW_PERSONS), amount: Amount }, { additionalProperties: false }),
      { maxItems: 20 },
    )),
    otherCosts: Type.Optional(Type.Array(
      Type.Object({ type: literals(INTAKE_INTERVIEW_COST_TYPES), amount: Amount }, { additionalProperties: false }),
      { maxItems: 20 },
    )),
  },
  { additionalProperties: false },
);

export const ResponsibilityBody = Type.Object(
  {
    municipalityResponsible: literals(INTAKE_RESPONSIBILITY_ANSWERS, 'Är kommunen ansvarig (folkbokföring eller vistelse)?'),
    basis: Type.Optional(literals(INTAKE_RESPONSIBILITY_BASES)),
    rightInstance: literals(INTAKE_RESPONSIBILITY_ANSWERS, 'Är ekonomiskt bistånd rätt instans (andra ersättningar först)?'),
    otherBenefits: Type.Optional(Text(1000)),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const ChecklistBody = Type.Object(
  {
    stage: literals(INTAKE_CHECKLIST_STAGES),
    key: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'En punkt i checklistan …' })),
    keys: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 40, description: '… eller flera punkter på en gång (antingen key eller keys).' })),
    checked: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const BookingBody = Type.Object(
  {
    visitAt: Type.String({ format: 'date-time', description: 'Tidpunkt för nybesöket (vardag 08–17 svensk tid).' }),
    place: Type.String({ minLength: 1, maxLength: 200 }),
    workerId: Uuid,
    documents: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 40 }),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const WorkersQuery = Type.Object({ unitId: Uuid }, { additionalProperties: false });

export const AssignBody = Type.Object(
  {
    workerId: Uuid,
    secondWorkerId: Type.Optional(Uuid),
    note: Type.Optional(Text(2000)),
    confirmHeavyForNewStaff: Type.Optional(Type.Boolean({ description: 'Bekräftar att ett tungt ärende ändå ges till nyanställd.' })),
  },
  { additionalProperties: false },
);

export const ReferBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
