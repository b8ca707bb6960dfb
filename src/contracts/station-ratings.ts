import { ZId, ZTimestamp, ZVersion } from './common.ts';
import { ZStoredFile } from './files.ts';
import { z } from './zod.ts';

/** 监管所“两化”等级评定: the checklist of the 六有 standards, per station and year a rating, the star bands. */
export const ratingStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export const ZRatingStatus = z.enum(ratingStatuses);
export const ZRatingAction = z.enum(['submit', 'return', 'approve']);

const ZCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9.-]{0,39}$/, '编码只能用小写字母、数字、点和连字符，以字母开头');

export const ZChecklistItem = z.object({
  code: ZCode,
  name: z.string().trim().min(1, '请填写评分项名称').max(100, '评分项名称不超过100字'),
  maxPoints: z.number().int('分值必须是整数').min(1, '分值至少1分').max(100, '分值不超过100分'),
  guidance: z.string().trim().max(300, '评分说明不超过300字').optional(),
});
export const ZChecklistStandard = z.object({
  code: ZCode,
  name: z.string().trim().min(1, '请填写标准名称').max(50, '标准名称不超过50字'),
  items: z.array(ZChecklistItem).min(1, '每项标准至少一个评分项').max(30, '每项标准最多30个评分项'),
});
export const ZStarBand = z.object({
  stars: z.number().int().min(1, '星级为1至5').max(5, '星级为1至5'),
  minScore: z.number().int('分数线必须是整数').min(0, '分数线不能为负'),
});

const checklistFields = {
  title: z.string().trim().min(1, '请填写评定标准名称').max(100, '名称不超过100字'),
  standards: z.array(ZChecklistStandard).min(1, '至少一项标准').max(12, '最多12项标准'),
  bands: z.array(ZStarBand).min(1, '至少设置一个星级分数线').max(5, '最多5个星级'),
};

type ChecklistShape = z.infer<z.ZodObject<typeof checklistFields>>;

/** Codes unique, bands one per star level rising with the stars and within the checklist's total. */
function checkChecklist(c: ChecklistShape, ctx: z.RefinementCtx) {
  const codes = new Set<string>();
  c.standards.forEach((s, si) => {
    if (codes.has(s.code))
      ctx.addIssue({ code: 'custom', path: ['standards', si, 'code'], message: `编码“${s.code}”重复` });
    codes.add(s.code);
    s.items.forEach((i, ii) => {
      if (codes.has(i.code)) {
        ctx.addIssue({ code: 'custom', path: ['standards', si, 'items', ii, 'code'], message: `编码“${i.code}”重复` });
      }
      codes.add(i.code);
    });
  });
  const total = c.standards.reduce((n, s) => n + s.items.reduce((m, i) => m + i.maxPoints, 0), 0);
  const sorted = [...c.bands].sort((a, b) => a.stars - b.stars);
  c.bands.forEach((b, bi) => {
    if (c.bands.findIndex((x) => x.stars === b.stars) !== bi) {
      ctx.addIssue({ code: 'custom', path: ['bands', bi, 'stars'], message: `${b.stars}星的分数线重复` });
    }
    if (b.minScore > total) {
      ctx.addIssue({ code: 'custom', path: ['bands', bi, 'minScore'], message: `分数线不能高于总分${total}分` });
    }
    const below = sorted.filter((x) => x.stars < b.stars).at(-1);
    if (below && below.minScore >= b.minScore) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', bi, 'minScore'],
        message: `${b.stars}星的分数线应高于${below.stars}星的（${below.minScore}分）`,
      });
    }
  });
}

export const ZChecklistBody = z.object(checklistFields).superRefine(checkChecklist);
export const ZChecklistUpdate = z
  .object({ ...checklistFields, baseVersion: z.number().int().positive() })
  .superRefine(checkChecklist);
export const ZChecklist = z.object({
  ...checklistFields,
  id: z.number().int(),
  version: z.number().int(),
  maxScore: z.number().int(),
  createdAt: ZTimestamp,
});

export const ZRatingYearQuery = z.object({
  year: z.coerce.number().int('年度必须是整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年'),
});

export const ZStandardTotal = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number().int(),
  maxPoints: z.number().int(),
});

/** One station in one year: its rating when started, else only the station (未开始). */
export const ZRatingRow = z.object({
  stationId: z.number().int(),
  stationName: z.string(),
  year: z.number().int(),
  ratingId: z.number().int().nullable(),
  status: ZRatingStatus.nullable(),
  totalScore: z.number().int().nullable(),
  maxScore: z.number().int().nullable(),
  stars: z.number().int().nullable(),
  standards: z.array(ZStandardTotal),
});
export const ZRatingList = z.object({
  year: z.number().int(),
  items: z.array(ZRatingRow),
  /** Whether the caller may start a rating for a station without one. */
  canCreate: z.boolean(),
});

export const ZRatingCreate = z.object({
  stationId: ZId,
  year: z.number().int('年度必须是整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年'),
});

export const ZScoreInput = z.object({
  itemCode: z.string().min(1, '请指明评分项').max(40, '评分项编码不超过40字符'),
  score: z.number().int('得分必须是整数').min(0, '得分不能为负'),
  note: z.string().trim().max(500, '说明不超过500字').default(''),
});
export const ZScoresUpdate = z.object({
  version: ZVersion,
  scores: z.array(ZScoreInput).max(300),
});

export const ZRatingFile = ZStoredFile.extend({ itemCode: z.string() });

export const ZRatingDetail = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  year: z.number().int(),
  status: ZRatingStatus,
  version: z.number().int(),
  totalScore: z.number().int(),
  stars: z.number().int().nullable(),
  /** The stars the current total would earn (shown while scoring; final once approved). */
  projectedStars: z.number().int(),
  checklist: ZChecklist,
  scores: z.array(z.object({ itemCode: z.string(), score: z.number().int(), note: z.string() })),
  files: z.array(ZRatingFile),
  standards: z.array(ZStandardTotal),
  submittedByName: z.string().nullable(),
  submittedAt: ZTimestamp.nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: ZTimestamp.nullable(),
  reviewOpinion: z.string().nullable(),
  actions: z.array(ZRatingAction),
  editable: z.boolean(),
});

export const ZRatingTransitionBody = z.object({
  action: ZRatingAction,
  version: ZVersion,
  opinion: z.string().trim().max(500, '意见不超过500字').optional(),
});
export const ZRatingFileParams = z.object({ id: ZId, fileId: ZId });

export type TChecklist = z.infer<typeof ZChecklist>;
export type TChecklistUpdate = z.infer<typeof ZChecklistUpdate>;
export type TRatingRow = z.infer<typeof ZRatingRow>;
export type TRatingList = z.infer<typeof ZRatingList>;
export type TRatingDetail = z.infer<typeof ZRatingDetail>;
export type TScoresUpdate = z.infer<typeof ZScoresUpdate>;
export type TRatingTransitionBody = z.infer<typeof ZRatingTransitionBody>;
export type TRatingStatus = z.infer<typeof ZRatingStatus>;
