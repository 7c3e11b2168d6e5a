/** Watches (bevakningar): a dated reminder on a case for one worker, done with a note. */
type Timestamp = string;
type DateOnly = string;

export interface WatchesTable {
  id: string;
  case_id: string;
  due_on: DateOnly;
  text: string;
  owner_id: string;
  created_by: string;
  created_at: Timestamp;
  done_at: Timestamp | null;
  done_by: string | null;
  done_note: string | null;
}

export interface WatchesTables {
  watches: WatchesTable;
}
