/*
 * Tasklist's search box: text typed without choosing a criterion becomes "task name like %text%", so a proposal's
 * number or title found nothing. This script widens that criterion, in the request Tasklist sends for a filter's list
 * and count, to "task name, or process business key (the proposal's number), or process variable proposalTitle, like
 * %text%". Tasklist offers no hook for its default search criterion, and the request is the engine's public filter
 * query (orQueries), so the widening is done there.
 */
const FILTER_QUERY = /\/filter\/[^/?]+\/(list|count)(\?|$)/;
const TITLE = 'proposalTitle';

function widenCriterion(query, like) {
  query.processInstanceBusinessKeyLike = like;
  query.processVariables = (query.processVariables || []).concat({ name: TITLE, operator: 'like', value: like });
}

/** The query with its name criterion widened; the same text when it has none or is not JSON. */
export function widen(body) {
  let query;
  try {
    query = JSON.parse(body);
  } catch (e) {
    return body;
  }
  if (!query || typeof query !== 'object') {
    return body;
  }
  const orQueries = query.orQueries || [];
  const anyOf = orQueries.find(or => or.nameLike && !or.processInstanceBusinessKeyLike);
  if (anyOf) {
    // "match any" chosen: the name criterion is already one of alternatives
    widenCriterion(anyOf, anyOf.nameLike);
  } else if (query.nameLike) {
    const alternatives = { nameLike: query.nameLike };
    widenCriterion(alternatives, query.nameLike);
    delete query.nameLike;
    query.orQueries = orQueries.concat(alternatives);
  } else {
    return body;
  }
  return JSON.stringify(query);
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.pdFilterQuery = String(method).toUpperCase() === 'POST' && FILTER_QUERY.test(String(url));
  return open.call(this, method, url, ...rest);
};

XMLHttpRequest.prototype.send = function (body) {
  return send.call(this, this.pdFilterQuery && typeof body === 'string' ? widen(body) : body);
};

export default [];
