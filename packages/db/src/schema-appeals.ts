/** Tables of the "appeals" area (issue 4). Add one interface per table and list it in AppealsTables. */
export interface AppealsTables {}
