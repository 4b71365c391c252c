package org.reetrace.app.apidocs;

import java.util.List;
import org.springframework.util.AntPathMatcher;

/**
 * The paths whose operations need a bearer token, as the server's authentication guards them: those operations,
 * and only those, carry the bearer security requirement and the 401, 403 and 429 problems.
 *
 * @param patterns Ant-style patterns such as {@code /api/**}
 */
public record TokenPaths(List<String> patterns) {

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    public TokenPaths {
        patterns = List.copyOf(patterns);
    }

    boolean needToken(String path) {
        return patterns.stream().anyMatch(pattern -> MATCHER.match(pattern, path));
    }
}
