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

/** Resources that are views of another: the validation queue is the submitted projects, oldest first. */
const VIEWS: Record<string, { path: string; filter: Record<string, string> }> = {
  'validation-queue': { path: 'projects', filter: { status: 'submitted' } },
};

/** Records read in several parts: a project and its dossier (what its page and its edit form show). */
const DETAILS: Record<string, string[]> = { projects: ['/dossier'], 'validation-queue': ['/dossier'] };

/** The API path and filter of a resource (itself, or the resource it is a view of). */
function resolve(resource: string, filter: Record<string, unknown> = {}) {
  const view = VIEWS[resource];
  return view ? { path: view.path, filter: { ...filter, ...view.filter } } : { path: resource, filter };
}

/** Lists read under their parent, e.g. a fund's grants at /funds/<id>/grants: resource → target → parent. */
const NESTED: Record<string, Record<string, string>> = { grants: { fundId: 'funds', projectId: 'projects' } };

function readOnly(): Promise<never> {
  return Promise.reject(new HttpError('Cette action n’est pas disponible dans l’administration.', 405));
}

/**
 * REST data provider for /api/<resource>: lists as { data, total }, records by id; creating POSTs the record and keeps
 * what the API answers (at least its id), editing PATCHes it (the API says which resources allow it). Everything else
 * is refused.
 */
export const dataProvider: DataProvider = {
  getList(resource, params) {
    const { path, filter } = resolve(resource, params.filter);
    return fetchApi(`/${path}?${listQuery({ ...params, filter })}`, { signal: params.signal });
  },
  async getOne(resource, { id, signal }) {
    const path = recordPath(resolve(resource).path, id);
    const parts = await Promise.all(
      ['', ...(DETAILS[resource] ?? [])].map((part) => fetchApi<object>(`${path}${part}`, { signal })),
    );
    return { data: Object.assign({}, ...parts) };
  },
  async getMany<RecordType extends RaRecord>(resource: string, { ids, signal }: GetManyParams<RecordType>) {
    const path = resolve(resource).path;
    return { data: await Promise.all(ids.map((id) => fetchApi<RecordType>(recordPath(path, id), { signal }))) };
  },
  getManyReference(resource, { target, id, ...params }) {
    const parent = NESTED[resource]?.[target];
    if (parent) {
      return fetchApi(`${recordPath(parent, id)}/${resource}?${listQuery(params)}`, { signal: params.signal });
    }
    const filter = { ...params.filter, [target]: id };
    return fetchApi(`/${resource}?${listQuery({ ...params, filter })}`, { signal: params.signal });
  },
  async create(resource, { data }) {
    const created = await fetchApi<{ id: Identifier }>(`/${resource}`, { method: 'POST', body: JSON.stringify(data) });
    return { data: { ...data, ...created } as never };
  },
  async update(resource, { id, data }) {
    await fetchApi(recordPath(resource, id), { method: 'PATCH', body: JSON.stringify(data) });
    return { data: { ...data, id } as never };
  },
  updateMany: readOnly,
  delete: readOnly,
  deleteMany: readOnly,
};
