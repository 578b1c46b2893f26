package vn.onestop.web;

import java.time.Instant;

/**
 * The JSON body of every OneStop API error: what went wrong, in words a portal developer or an
 * operator can act on, and which field caused it when one did.
 *
 * @param status  the HTTP status code
 * @param error   the HTTP reason phrase
 * @param message what is wrong and, where possible, how to fix it
 * @param field   the request field or parameter at fault, or {@code null}
 * @param path    the request path
 * @param at      when the error was answered
 */
public record ApiError(int status, String error, String message, String field, String path, Instant at) {}
