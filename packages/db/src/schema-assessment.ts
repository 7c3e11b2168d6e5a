/** Tables of the "assessment" area (issue 4). Add one interface per table and list it in AssessmentTables. */
export interface AssessmentTables {}
