/**
 * What several features need to know about a child and nothing else: whether an NHS number is
 * well formed, which age band an age at death falls in. It depends on no feature, so notification,
 * the case import, the panel and the statistics can all use it without a cycle between them.
 */
package uk.cdr.child;
