import {
  filterParams,
  listHref,
  parseListFilter,
  parseView,
  viewQuery,
} from '../../../src/inbox/list/filters';
import { hasExtraFilters } from '../../../src/inbox/list/page';

describe('saved views as filter codes', () => {
  it('parses a view; "all" and nothing are the default view', () => {
    expect(parseListFilter({ view: 'mine' }).view).toBe('mine');
    expect(parseListFilter({ view: 'all' }).view).toBeUndefined();
    expect(parseListFilter({}).view).toBeUndefined();
    expect(() => parseListFilter({ view: 'everything' })).toThrow(/view/);
    expect(() => parseListFilter({ view: ['mine', 'nurse'] })).toThrow(/view/);
  });

  it('writes the view back into links, leaving the default out', () => {
    expect(listHref({ view: 'urgent' })).toBe('/inbox?view=urgent');
    expect(listHref({ view: 'all' })).toBe('/inbox');
    expect(filterParams({ view: 'nurse', level: 'urgent', status: 'open' }).toString()).toBe(
      'view=nurse&level=urgent',
    );
    expect(viewQuery('mine')).toBe('?view=mine');
    expect(viewQuery(undefined)).toBe('');
    expect(viewQuery('all')).toBe('');
  });

  it('reads a view on a message page leniently: an unknown one is simply no view', () => {
    expect(parseView('nurse')).toBe('nurse');
    expect(parseView('all')).toBeUndefined();
    expect(parseView('<script>')).toBeUndefined();
    expect(parseView(['mine'])).toBeUndefined();
  });

  it('opens the Filters disclosure only when a filter besides the view is set', () => {
    expect(hasExtraFilters({ view: 'mine', status: 'open', assignee: 'everyone' })).toBe(false);
    expect(hasExtraFilters({ level: 'urgent' })).toBe(true);
    expect(hasExtraFilters({ status: 'closed' })).toBe(true);
    expect(hasExtraFilters({ assignee: 'nurse' })).toBe(true);
    expect(hasExtraFilters({ language: 'es' })).toBe(true);
  });
});
