import { HttpError } from 'react-admin';
import type { DataProvider, GetListParams, GetManyParams, Identifier, RaRecord } from 'react-admin';
import { fetchApi } from './http.ts';

function listQuery({ pagination, sort, filter }: Partial<GetListParams>): string {
  const query = new URLSearchParams();
  if (pagination) {
    query.set('page', String(pagination.page));
    query.set('perPage', String(pagination.perPage));
  }
  if (sort?.field) {
    query.set('sort', sort.field);
    query.set('order', sort.order);
  }
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(field, String(value));
  }
  return query.toString();
}

function recordPath(resource: string, id: Identifier): string {
  return `/${resource}/${encodeURIComponent(String(id))}`;
}

/** Lists read under their parent, e.g. a fund's grants at /funds/<id>/grants: resource → target → parent. */
const NESTED: Record<string, Record<string, string>> = { grants: { fundId: 'funds', projectId: 'projects' } };

function readOnly(): Promise<never> {
  return Promise.reject(new HttpError('Cette action n’est pas disponible dans l’administration.', 405));
}

/** Read-only REST data provider for /api/<resource>: lists as { data, total }, records by id. */
export const dataProvider: DataProvider = {
  getList: (resource, params) => fetchApi(`/${resource}?${listQuery(params)}`, { signal: params.signal }),
  async getOne(resource, { id, signal }) {
    return { data: await fetchApi(recordPath(resource, id), { signal }) };
  },
  async getMany<RecordType extends RaRecord>(resource: string, { ids, signal }: GetManyParams<RecordType>) {
    return { data: await Promise.all(ids.map((id) => fetchApi<RecordType>(recordPath(resource, id), { signal }))) };
  },
  getManyReference(resource, { target, id, ...params }) {
    const parent = NESTED[resource]?.[target];
    if (parent) {
      return fetchApi(`${recordPath(parent, id)}/${resource}?${listQuery(params)}`, { signal: params.signal });
    }
    const filter = { ...params.filter, [target]: id };
    return fetchApi(`/${resource}?${listQuery({ ...params, filter })}`, { signal: params.signal });
  },
  create: readOnly,
  update: readOnly,
  updateMany: readOnly,
  delete: readOnly,
  deleteMany: readOnly,
};
