/** Issue 4, area "intake". Owned by the intake work; statements run in order, once. */
export const statements: string[] = [];
