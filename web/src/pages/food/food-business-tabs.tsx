import type { ReactNode } from 'react';
import type { TFoodBusiness } from '../../../../src/contracts/food.ts';
import type { Permission } from '../../../../src/domain/permissions.ts';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { AccessCodeCard } from './appeals/access-code-card.tsx';
import { EntityFoodSection } from './entity-food-section.tsx';
import { GradeHistory } from './inspections/grade-history.tsx';
import { PlacardCard } from './placards/placard-card.tsx';
import { BusinessSamplesCard } from './sampling/business-samples-card.tsx';
import { TierCard } from './tiers/tier-card.tsx';

/** One tab of a food business's page; each part of the food module (grades, placards, appeals …) adds its own. */
export interface FoodBusinessTab {
  key: string;
  label: MessageKey;
  /** Shown only to holders of this permission (food:read is needed to open the page at all). */
  permission?: Permission;
  render: (business: TFoodBusiness) => ReactNode;
}

export const foodBusinessTabs: FoodBusinessTab[] = [
  {
    key: 'licences',
    label: 'food.business.tab.licences',
    render: (b) => <EntityFoodSection entityId={b.entityId} inBusinessPage />,
  },
  { key: 'grades', label: 'foodInspection.gradeHistory', render: (b) => <GradeHistory businessId={b.id} /> },
  { key: 'tier', label: 'foodTiers.tier', render: (b) => <TierCard businessId={b.id} /> },
  { key: 'placards', label: 'foodPlacard.title', render: (b) => <PlacardCard businessId={b.id} /> },
  { key: 'sampling', label: 'foodSampling.business.tab', render: (b) => <BusinessSamplesCard businessId={b.id} /> },
  {
    key: 'access-code',
    label: 'foodAppeals.code.tab',
    permission: 'food:write',
    render: (b) => <AccessCodeCard businessId={b.id} />,
  },
];
