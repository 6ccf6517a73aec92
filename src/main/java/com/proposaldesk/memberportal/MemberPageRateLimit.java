package com.proposaldesk.memberportal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * At most {@code proposal-desk.member-links.requests-per-minute} requests to {@code /member/**} per client address and
 * minute; more get 429 with a Chinese page. A fixed window per node, reset each minute: enough to make guessing
 * tokens (2^128 ids, and a signature besides) and hammering the pages pointless, without a shared store. Behind a
 * proxy, the client address is the one Tomcat's RemoteIpValve resolves ({@code server.forward-headers-strategy}).
 */
@Configuration
public class MemberPageRateLimit implements WebMvcConfigurer {

    private final int perMinute;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window;

    public MemberPageRateLimit(MemberLinkProperties properties) {
        this.perMinute = properties.requestsPerMinute();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                if (allow(request.getRemoteAddr(), System.currentTimeMillis())) {
                    return true;
                }
                throw new TooManyRequests();
            }
        }).addPathPatterns("/member/**");
    }

    boolean allow(String client, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (minute != window) {
            synchronized (this) {
                if (minute != window) {
                    counts.clear();
                    window = minute;
                }
            }
        }
        return counts.computeIfAbsent(client, key -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }

    /** Answered by {@link MemberPageController} with the Chinese 429 page. */
    static class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super("too many member-page requests");
        }
    }

    static ModelAndView tooMany() {
        ModelAndView view = new ModelAndView("member/refused");
        view.addObject("tooMany", true);
        view.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        return view;
    }
}
