package com.proposaldesk.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A lost database that surfaces outside our handlers and the engine REST API's mappers (in the webapps' own filters,
 * or when a transaction commits after a resource has answered) is answered 503 with the same Chinese message, not a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("Request refused, the database is unavailable: {}", DatabaseUnavailable.describe(e));
            response.reset();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            DatabaseUnavailable.write(response, !path.startsWith("/api/"), e);
        }
    }
}
