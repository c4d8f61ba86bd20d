import { FUND_SORT_FIELDS } from '../../db/queries/funds.ts';
import { GRANT_SORT_FIELDS } from '../../db/queries/grant-listings.ts';
import { listQuery, optionalText } from './common.schemas.ts';

export const FundListQuery = listQuery(FUND_SORT_FIELDS, 'name').extend({ q: optionalText });
export const GrantListQuery = listQuery(GRANT_SORT_FIELDS, 'id');
