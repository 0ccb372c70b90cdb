package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses GraphQL requests whose body is larger than the limit before anything reads them, with a
 * GraphQL-shaped typed error (413). Bodies without a declared length are refused too: a client that
 * cannot say how much it sends is not one this endpoint serves.
 */
@Component
public class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final String path;

    public RequestSizeFilter(QueryLimits.Settings limits,
                             @org.springframework.beans.factory.annotation.Value("${spring.graphql.http.path:/graphql}") String path) {
        this.maxBytes = limits.maxRequestBytes();
        this.path = path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals(uri) || !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes || length < 0) {
            String message = length < 0 ? "the request must declare its Content-Length"
                    : "the request body has " + length + " bytes; at most " + maxBytes + " are accepted";
            JsonErrors.write(response, length < 0 ? HttpServletResponse.SC_LENGTH_REQUIRED : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    length < 0 ? ErrorCode.LENGTH_REQUIRED : ErrorCode.REQUEST_TOO_LARGE, message, ",\"limit\":" + maxBytes);
            return;
        }
        chain.doFilter(request, response);
    }
}
