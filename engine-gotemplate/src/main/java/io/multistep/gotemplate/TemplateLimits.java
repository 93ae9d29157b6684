package io.multistep.gotemplate;

import org.apiguardian.api.API;

/**
 * Bounds that make rendering of hostile or broken input end with a clear error in bounded
 * time and memory instead of a hang or a {@link StackOverflowError}.
 *
 * @param maxTemplateDepth maximum nesting of {@code template}/{@code block} calls during
 *     execution (Go allows 100000; runaway recursion fails here with
 *     {@code exceeded maximum template depth (N)})
 * @param maxParseDepth maximum nesting of control structures and parenthesised pipelines at
 *     parse time
 * @param maxOutputChars maximum size of one rendered text in chars
 * @param maxRangeIterations maximum total number of {@code range} iterations in one execution
 * @param maxListSize maximum number of elements (or chars) a single function call may produce:
 *     {@code until}, {@code untilStep}, {@code seq}, {@code repeat}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TemplateLimits(int maxTemplateDepth, int maxParseDepth, long maxOutputChars, long maxRangeIterations,
                             long maxListSize) {

    /** The defaults: depth 1000, parse depth 1000, 64 MiB output, 10 million iterations, 1 million elements. */
    public static final TemplateLimits DEFAULT = new TemplateLimits(1000, 1000, 64L * 1024 * 1024, 10_000_000L,
            1_000_000L);

    /** Checks that every limit is positive. */
    public TemplateLimits {
        if (maxTemplateDepth <= 0 || maxParseDepth <= 0 || maxOutputChars <= 0 || maxRangeIterations <= 0
                || maxListSize <= 0) {
            throw new IllegalArgumentException("template limits must be positive");
        }
    }
}
