package uk.cdr.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.cdr.config.DatabaseOutage;

/**
 * The last word on a database outage for failures outside our controllers (the login check, the
 * session's engine user, the webapps): a 503 asking to retry, not a 500 with a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    /** Also the container's error dispatch: a failure it caught on the way out is answered here too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            Object failure = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION);
            if (failure instanceof Throwable e && DatabaseOutage.causes(e) && !response.isCommitted()) {
                unavailable(request, response, e);
                return;
            }
            if (failure != null) {
                StringBuilder causes = new StringBuilder();
                for (Throwable c = (Throwable) failure; c != null && c.getCause() != c; c = c.getCause()) {
                    causes.append(" <- ").append(c.getClass().getName()).append(c instanceof java.sql.SQLException q ? "[" + q.getSQLState() + "]" : "");
                }
                LOG.warn("Error page for {}:{}", request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI), causes);
            }
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseOutage.causes(e) || response.isCommitted()) {
                throw e;
            }
            unavailable(request, response, e);
        }
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response, Throwable e)
            throws IOException {
        LOG.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"" + DatabaseOutage.MESSAGE + "\"}");
    }
}
