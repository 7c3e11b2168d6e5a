/** Tables of the "intake" area (issue 4). Add one interface per table and list it in IntakeTables. */
export interface IntakeTables {}
