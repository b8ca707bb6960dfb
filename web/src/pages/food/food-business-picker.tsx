import type { TFoodBusiness } from '../../../../src/contracts/food.ts';
import { foodApi } from '../../api/food.ts';
import { RemoteSearchSelect } from '../../components/remote-search-select.tsx';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { useT } from '../../i18n/i18n-context.tsx';

const searchBusinesses = async (q: string, signal: AbortSignal) => (await foodApi.businesses({ q }, { signal })).items;

export const foodBusinessOptionLabel = (t: Translate, b: TFoodBusiness) =>
  t('food.businessPicker.option', { name: b.entityName, licence: b.licenceNo ?? b.uscc, station: b.stationName });

/**
 * A food business by part of its name, its USCC or its licence number (JY…/SC…), among those the caller may read;
 * the value is the business id. `initial` labels a business chosen before (a form opened from its 档案).
 */
export function FoodBusinessPicker({
  value,
  onChange,
  initial,
  testId = 'food-business-picker',
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  initial?: TFoodBusiness;
  testId?: string;
}) {
  const t = useT();
  return (
    <RemoteSearchSelect
      queryKey={(q) => ['food', 'businesses', 'picker', q]}
      search={searchBusinesses}
      toOption={(b: TFoodBusiness) => ({ value: b.id, label: foodBusinessOptionLabel(t, b) })}
      minChars={2}
      value={value}
      onChange={onChange}
      initialOptions={initial ? [{ value: initial.id, label: foodBusinessOptionLabel(t, initial) }] : undefined}
      placeholder={t('food.businessPicker.placeholder')}
      hint={t('food.businessPicker.hint')}
      forbiddenHint={t('food.businessPicker.forbidden')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
