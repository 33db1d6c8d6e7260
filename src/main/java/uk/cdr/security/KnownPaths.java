package uk.cdr.security;

import java.io.IOException;
import java.util.Collection;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether anything in the application serves a request's path: a controller (whatever the method
 * or the ids in the path), an actuator endpoint or an existing static file. Only what serves
 * nothing is "not found"; a path that exists keeps its refusal, so a 404 tells a user nothing
 * that a 403 hid.
 */
class KnownPaths {

    private final ApplicationContext context;
    private volatile Collection<HandlerMapping> mappings;

    KnownPaths(ApplicationContext context) {
        this.context = context;
    }

    boolean serves(HttpServletRequest request) {
        // The mappings match on the parsed path that DispatcherServlet normally caches; this runs before it.
        Object parsedBefore = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            for (HandlerMapping mapping : mappings()) {
                if (serves(mapping, request)) {
                    return true;
                }
            }
            return false;
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedBefore);
        }
    }

    private static boolean serves(HandlerMapping mapping, HttpServletRequest request) {
        HandlerExecutionChain chain;
        try {
            chain = mapping.getHandler(request);
        } catch (Exception e) {
            // A mapping that matched the path but not the method or media type: the path exists.
            return true;
        }
        if (chain == null) {
            return false;
        }
        if (chain.getHandler() instanceof ResourceHttpRequestHandler files) {
            return hasFile(files, request);
        }
        return true;
    }

    /** The static file handler takes every path ("/**"): only a file that is really there counts. */
    private static boolean hasFile(ResourceHttpRequestHandler files, HttpServletRequest request) {
        Object path = request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        if (path == null) {
            return false;
        }
        for (Resource location : files.getLocations()) {
            try {
                Resource file = location.createRelative(path.toString());
                if (file.exists() && file.isReadable()) {
                    return true;
                }
            } catch (IOException e) {
                // Not there in this location.
            }
        }
        return false;
    }

    private Collection<HandlerMapping> mappings() {
        if (mappings == null) {
            mappings = context.getBeansOfType(HandlerMapping.class).values();
        }
        return mappings;
    }
}
