/** The grades a placard can show: a dynamic grade (优秀/良好/一般) or an annual one (A/B/C). */
export const placardGrades = ['excellent', 'good', 'fair', 'A', 'B', 'C'] as const;
export type PlacardGrade = (typeof placardGrades)[number];
