import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import type { PenaltyInput } from '../../api/cases.ts';
import { ApiError } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { amountKinds, discretionOptions, penaltyKindOptions, yuanToFen } from './case-labels.ts';

export interface PenaltyRow {
  kind: string;
  amountYuan?: number;
  discretion: string;
  discretionBasis?: string;
}

export const emptyPenalty: PenaltyRow = { kind: 'fine', discretion: 'standard' };

/** A problem's field paths renamed to the form's (`party.name` → `partyName`), so each error shows by its field. */
export function renameErrorPaths(err: unknown, renames: [RegExp, string][]): unknown {
  if (!(err instanceof ApiError)) return err;
  const errors = err.errors.map((e) => ({
    ...e,
    path: renames.reduce((path, [from, to]) => path.replace(from, to), e.path),
  }));
  return new ApiError(err.status, err.code, err.title, err.detail, errors);
}

/** The server names amounts in fen; the form's field is in yuan: its errors go there. */
export const penaltyErrorsToForm = (err: unknown) => renameErrorPaths(err, [[/\.amountFen$/, '.amountYuan']]);

/** The rows as the API takes them: amounts in fen, no amount for kinds without one. */
export const toPenaltyInputs = (rows: PenaltyRow[] | undefined): PenaltyInput[] =>
  (rows ?? []).map((r) => ({
    kind: r.kind as PenaltyInput['kind'],
    amountFen: amountKinds.has(r.kind) ? yuanToFen(r.amountYuan) : 0,
    discretion: r.discretion as PenaltyInput['discretion'],
    discretionBasis: r.discretionBasis?.trim() || undefined,
  }));

/**
 * 处罚内容 as data: kind, amount in yuan (sent as fen), 裁量 (从轻/减轻/从重/不予) with the 裁量基准 cited. A
 * Form.List under `name`; server errors at `penalties.1.amountFen` land on the row's fields.
 */
export function PenaltiesEditor({ name = 'penalties', kinds }: { name?: string; kinds?: readonly string[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="penalties-editor">
          {fields.map((field, i) => {
            return (
              <Card
                key={field.key}
                size="small"
                title={t('cases.penaltyRow', { n: i + 1 })}
                extra={
                  fields.length > 1 && (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  )
                }
              >
                <Form.Item
                  name={[field.name, 'kind']}
                  label={t('cases.penaltyKind')}
                  rules={[{ required: true, message: t('cases.penaltyKindRequired') }]}
                >
                  <Select options={penaltyKindOptions(t, kinds)} data-testid={`penalty-${i}-kind`} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    amountKinds.has(form.getFieldValue([name, field.name, 'kind'])) && (
                      <Form.Item
                        name={[field.name, 'amountYuan']}
                        label={t('cases.amountYuan')}
                        rules={[{ required: true, message: t('cases.amountRequired') }]}
                      >
                        <InputNumber
                          min={0}
                          precision={2}
                          style={{ width: '100%', maxWidth: 240 }}
                          data-testid={`penalty-${i}-amount`}
                        />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item name={[field.name, 'discretion']} label={t('cases.discretion')}>
                  <Select options={discretionOptions(t)} data-testid={`penalty-${i}-discretion`} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const d = form.getFieldValue([name, field.name, 'discretion']);
                    return (
                      <Form.Item
                        name={[field.name, 'discretionBasis']}
                        label={t('cases.discretionBasis')}
                        rules={
                          d && d !== 'standard'
                            ? [{ required: true, whitespace: true, message: t('cases.discretionBasisRequired') }]
                            : []
                        }
                      >
                        <Input.TextArea
                          rows={2}
                          maxLength={1000}
                          placeholder={t('cases.discretionBasisHint')}
                          data-testid={`penalty-${i}-basis`}
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Card>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => add({ ...emptyPenalty })} data-testid="penalty-add">
            {t('cases.penaltyAdd')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
