/** Tables of the "payments" area (issue 4). Add one interface per table and list it in PaymentsTables. */
export interface PaymentsTables {}
