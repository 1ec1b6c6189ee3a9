import { useState } from 'react';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { z } from 'zod';
import { domainPath } from '../../../shared/mapping/domains.ts';
import { ProductMergeSchema, ProductUpdateSchema, type Product } from '../../../shared/mapping/schema.ts';
import { api, query, useApi } from '../../app/api.ts';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { fieldMessage, type FieldErrors, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { dialogHandlers, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useAccountCapabilities } from '../../app/capabilities.ts';
import { LoadState, ModalDialog } from '../../app/ui.tsx';
import { DomainSearch, ProductFields, ProductPicker, useDebounced } from './product-fields.tsx';
import { productsExportUrl } from './mapping-api.ts';
import { useMappingMessages } from './messages.ts';
import { compareValues, RowActions, SortableTable, useSort } from './SortHeader.tsx';
import './mapping.css';
import { RowAction } from '../../app/table.tsx';
import type { DialogFormProps } from '../../app/kit.tsx';

type Column = 'name' | 'vendor' | 'domain' | 'municipalities';
type Dialog = { kind: 'edit'; product: Product } | { kind: 'merge'; product: Product };

/** `/kartlegging/produkter`: the shared product catalog; the secretariats correct and merge duplicates. */
export function ProductCatalogPage() {
  const { m, lang, number } = useI18n();
  const t = useMappingMessages();
  const c = t.catalog;
  const curator = useAccountCapabilities().curateCatalog;
  const [text, setText] = useState('');
  const [domain, setDomain] = useState('');
  const q = useDebounced(text.trim(), 300);
  const products = useApi<Product[]>(`/mapping/products${query({ q, domain })}`);
  const { sort, toggle } = useSort<Column>('name');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const close = () => setDialog(null);

  const value = (p: Product, column: Column): string | number => {
    switch (column) {
      case 'name':
        return p.name;
      case 'vendor':
        return p.vendor;
      case 'domain':
        return domainPath(p.domain, lang);
      case 'municipalities':
        return p.municipalityCount;
    }
  };

  return (
    <Page title={c.title}>
      <div className="dr-stack">
        <Paragraph>{c.intro}</Paragraph>
        {!curator && <Paragraph data-size="sm">{c.curatorsOnly}</Paragraph>}
        <SuccessMessage message={status} />
        <DomainSearch label={c.searchLabel} text={text} onText={setText} domain={domain} onDomain={setDomain} />
        <LoadState loaded={products}>
          {(list) => {
            const rows = [...list].sort(
              (a, b) => compareValues(value(a, sort.key), value(b, sort.key), sort.direction) || compareValues(a.name, b.name, 'ascending'),
            );
            return (
              <>
                <Paragraph role="status" data-size="sm">
                  {list.length === 0 ? c.none : fmt(c.count, { count: number(list.length) })}
                </Paragraph>
                {rows.length > 0 && (
                  <SortableTable
                    caption={c.caption}
                    columns={[
                      ['name', c.name],
                      ['vendor', c.vendor],
                      ['domain', c.domain],
                      ['municipalities', c.municipalities],
                    ]}
                    sort={sort}
                    onSort={toggle}
                    actions={curator && m.common.actions}
                  >
                    {rows.map((p) => (
                      <Table.Row key={p.id}>
                        <Table.HeaderCell scope="row">
                          {p.name}
                          {p.description && (
                            <Paragraph data-size="xs" className="dr-muted">
                              {p.description}
                            </Paragraph>
                          )}
                        </Table.HeaderCell>
                        <Table.Cell>{p.vendor}</Table.Cell>
                        <Table.Cell>{domainPath(p.domain, lang)}</Table.Cell>
                        <Table.Cell>{number(p.municipalityCount)}</Table.Cell>
                        {curator && (
                          <Table.Cell>
                            <RowActions>
                              <RowAction label={fmt(c.editLabel, { name: p.name })} onClick={() => setDialog({ kind: 'edit', product: p })}>
                                {c.edit}
                              </RowAction>
                              <RowAction
                                label={fmt(c.mergeLabel, { name: p.name })}
                                onClick={() => setDialog({ kind: 'merge', product: p })}
                              >
                                {c.merge}
                              </RowAction>
                            </RowActions>
                          </Table.Cell>
                        )}
                      </Table.Row>
                    ))}
                  </SortableTable>
                )}
              </>
            );
          }}
        </LoadState>
        <Downloads links={exportLinks((format) => productsExportUrl({ q, domain, format }), { xlsx: c.exportXlsx, csv: c.exportCsv })} />
      </div>

      <ModalDialog open={dialog?.kind === 'edit'} onClose={close} title={dialog ? fmt(c.editTitle, { name: dialog.product.name }) : ''}>
        {dialog?.kind === 'edit' && (
          <ProductForm
            product={dialog.product}
            {...dialogHandlers<Product>(close, products.reload, (saved) => {
              products.setData((products.data ?? []).map((p) => (p.id === saved.id ? saved : p)));
              setStatus(fmt(c.saved, { name: saved.name }));
            })}
          />
        )}
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'merge'} onClose={close} title={dialog ? fmt(c.mergeTitle, { name: dialog.product.name }) : ''}>
        {dialog?.kind === 'merge' && (
          <MergeForm
            product={dialog.product}
            onCancel={close}
            onMerged={(into) => {
              close();
              products.reload();
              setStatus(fmt(c.merged, { from: dialog.product.name, into: into.name }));
            }}
          />
        )}
      </ModalDialog>
    </Page>
  );
}

function ProductForm({
  product,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<Product> & {
  product: Product;
}) {
  const { m } = useI18n();
  const t = useMappingMessages();
  const c = t.catalog;
  const form = useForm();
  const [values, setValues] = useState({
    name: product.name,
    vendor: product.vendor,
    domain: product.domain,
    description: product.description ?? '',
  });
  const labels = { name: c.name, vendor: c.vendor, domain: c.domain, description: c.description };
  const submit = () =>
    form.submit({
      schema: ProductUpdateSchema,
      input: { ...values, version: product.version },
      labels,
      send: sendTo<Product>(`/mapping/products/${product.id}`),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={m.common.save} onCancel={onCancel} onReload={onReload}>
      <ProductFields form={form} labels={labels} value={values} onChange={(product) => setValues({ ...values, ...product })} />
      <TextField
        state={form}
        name="description"
        label={c.description}
        value={values.description}
        onChange={(description) => setValues({ ...values, description })}
        multiline
        rows={3}
      />
    </SubmitForm>
  );
}

const MergeInput = ProductMergeSchema.extend({ intoId: z.string() });

/** Merges a duplicate into the product chosen to stay; the explanation says what happens to usages and the old name. */
function MergeForm({ product, onMerged, onCancel }: { product: Product; onMerged: (into: Product) => void; onCancel: () => void }) {
  const { lang } = useI18n();
  const t = useMappingMessages();
  const c = t.catalog;
  const form = useForm();
  const [intoId, setIntoId] = useState('');
  const [into, setInto] = useState<Product | null>(null);
  const submit = () =>
    form.submit({
      schema: MergeInput,
      input: { intoId, version: product.version },
      labels: { intoId: c.survivor },
      check: (data): FieldErrors => (data.intoId === '' ? { intoId: fieldMessage(lang, 'required', c.survivor) } : {}),
      send: async (body) => {
        await api(`/mapping/products/${product.id}/merge`, { method: 'POST', body });
        return into!;
      },
      done: onMerged,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={c.mergeButton} onCancel={onCancel}>
      <Paragraph>{fmt(c.mergeExplanation, { name: product.name })}</Paragraph>
      <ProductPicker
        form={form}
        name="intoId"
        label={c.survivor}
        searchName="survivorSearch"
        searchLabel={c.survivorSearch}
        initialSearch={product.name}
        exclude={product.id}
        optionText={(p) => `${p.name} (${p.vendor}) – ${domainPath(p.domain, lang)} – ${fmt(c.usedBy, { count: p.municipalityCount })}`}
        value={intoId}
        onChange={(id, chosen) => {
          setIntoId(id);
          setInto(chosen ?? into);
        }}
      />
    </SubmitForm>
  );
}
