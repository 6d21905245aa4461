package org.lfr.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A read that runs in a reactive session of its own, on a fresh duplicate of the caller's Vert.x context. GraphQL
 * resolves sibling fields (two root queries, or a list's nested fields) concurrently on one context, where
 * {@code @WithSession} would hand them all one session — and the first to finish would close it under the others.
 * For methods returning {@code Uni}; callers pass what they need (the actor) as arguments, since request-scoped
 * beans do not follow onto the new context.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnSession {
}
