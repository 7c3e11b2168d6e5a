/** Issue 4, area "assessment". Owned by the assessment work; statements run in order, once. */
export const statements: string[] = [];
