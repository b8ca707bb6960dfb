import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormInstance, Row, Space } from 'antd';
import { Children, isValidElement, type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';

interface Props<V> {
  /** Form.Item elements, one per filter (each with a name and a label). */
  children: ReactNode;
  onSearch: (values: V) => void;
  /** Called after the fields are reset; defaults to searching with the initial values. */
  onReset?: () => void;
  form?: FormInstance<V>;
  initialValues?: Partial<V>;
  /**
   * Filters shown while collapsed; the rest come with "more filters" (RuoYi / Ant Design Pro QueryFilter). One
   * less than a row holds, so Search and Reset share the first row.
   */
  collapsedCount?: number;
  /** Filters per row on a wide screen. */
  columns?: 2 | 3 | 4;
  'data-testid'?: string;
}

/**
 * The search form above every list (Ant Design Pro / RuoYi): filters in a grid with labels, Search and Reset on the
 * right, collapsible when there are many. Filters apply on Search (or Enter), not on every keystroke, so a list
 * reloads once per question.
 */
export function SearchForm<V extends object>({
  children,
  onSearch,
  onReset,
  form: given,
  initialValues,
  columns = 3,
  collapsedCount = columns - 1,
  'data-testid': testId = 'search-form',
}: Props<V>) {
  const t = useT();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [expanded, setExpanded] = useState(false);
  // toArray keys every element (".0", ".1" or the element's own key), so the keys below are stable.
  const items = Children.toArray(children).filter(isValidElement);
  const collapsible = items.length > collapsedCount;
  const span = 24 / columns;
  const reset = () => {
    form.resetFields();
    if (onReset) onReset();
    else onSearch(form.getFieldsValue(true) as V);
  };
  return (
    <Form<V>
      form={form}
      initialValues={initialValues}
      onFinish={onSearch}
      labelWrap
      style={{ marginBottom: 16 }}
      data-testid={testId}
    >
      <Row gutter={[16, 0]}>
        {items.map((item, i) => (
          // Hidden filters stay mounted so their values still count while collapsed.
          <Col key={item.key} xs={24} sm={12} lg={span} hidden={collapsible && !expanded && i >= collapsedCount}>
            {item}
          </Col>
        ))}
        <Col flex="auto" style={{ textAlign: 'right', marginBottom: 24 }}>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testId}-submit`}>
              {t('common.search')}
            </Button>
            <Button onClick={reset} data-testid={`${testId}-reset`}>
              {t('common.reset')}
            </Button>
            {collapsible && (
              <Button type="link" onClick={() => setExpanded((e) => !e)} data-testid={`${testId}-toggle`}>
                {expanded ? t('list.collapse') : t('list.expand')} {expanded ? <UpOutlined /> : <DownOutlined />}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
