package uk.cdr.security;

import static uk.cdr.security.Role.ADMIN;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import uk.cdr.audit.AuditLog;

/**
 * Three filter chains, one login. The session made by the login page serves our pages, our API
 * and Cockpit/Tasklist/Admin; /engine-rest is for machines and takes HTTP Basic only, so it keeps
 * no session a forged cross-site request could ride on. Anything not listed is denied (a logged-in
 * user asking for a path that nothing serves is told it is not found: NotFoundOrDeniedHandler).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final AuthenticationEntryPoint apiEntryPoint = new ProblemAuthenticationEntryPoint();
    private final AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final AuditingAccessDeniedHandler accessDenied;
    private final EngineUserFilter engineUser;
    private final EngineUserFilter appUser;
    private final NotFoundOrDeniedHandler notFoundOrDenied;
    private final CeAdvisoryGuardFilter advisoryGuard = new CeAdvisoryGuardFilter();

    SecurityConfiguration(AuditLog auditLog, IdentityService identityService, ApplicationContext context) {
        this.accessDenied = new AuditingAccessDeniedHandler(auditLog);
        this.notFoundOrDenied = new NotFoundOrDeniedHandler(new KnownPaths(context), accessDenied);
        this.engineUser = new EngineUserFilter(identityService, false);
        this.appUser = new EngineUserFilter(identityService, true);
    }

    /**
     * Plain path patterns for every matcher: /engine-rest and /camunda/api are Jersey servlets,
     * which matchers tied to Spring MVC's DispatcherServlet would not see.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security publishes failure events only for the exceptions it knows by exact class:
     * a throttled attempt must reach the audit log too (LoginAuditListener).
     */
    @Bean
    static DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
        return publisher;
    }

    /**
     * What Spring Security's firewall refuses (//, /./, a semicolon, ...) is a bad request; its
     * default handler rethrows, which made it a 500. RequestPathGuard refuses most of it earlier.
     */
    @Bean
    static RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> Problems.write(request, response, HttpStatus.BAD_REQUEST, RequestPathGuard.DETAIL);
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        http.securityMatcher("/engine-rest/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(FREE_TEXT_IN_ENGINE).denyAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic: there is no session cookie to forge requests with.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint).accessDeniedHandler(accessDenied))
                .addFilterBefore(advisoryGuard, BasicAuthenticationFilter.class)
                .addFilterAfter(engineUser, AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        String admin = ADMIN.groupId();
        http.securityMatcher("/camunda/**")
                .authorizeHttpRequests(auth -> auth
                        // Our login page is the only login; the webapp's own would create a second identity.
                        .requestMatchers("/camunda/api/admin/auth/user/*/login/**").denyAll()
                        .requestMatchers(FREE_TEXT_IN_ENGINE).denyAll()
                        .requestMatchers("/camunda/api/admin/auth/**").authenticated()
                        .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/**").hasAuthority(admin)
                        .requestMatchers("/camunda/app/cockpit/**", "/camunda/api/cockpit/**").hasAuthority(admin)
                        .anyRequest().authenticated())
                .logout(logout -> logout
                        .logoutRequestMatcher(matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                // The webapps carry their own CSRF protection (X-XSRF-TOKEN), checked first by WebappCsrfGuard.
                .csrf(csrf -> csrf.disable())
                // The webapps set their own Content-Security-Policy; ours would break them.
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, matcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(loginPage, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(accessDenied))
                .addFilterBefore(advisoryGuard, BasicAuthenticationFilter.class)
                // After ExceptionTranslationFilter, so that its refusal goes to the audited access denied handler.
                .addFilterAfter(new WebappCsrfGuard(), ExceptionTranslationFilter.class)
                .addFilterAfter(engineUser, AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain application(HttpSecurity http) throws Exception {
        RequestMatcher api = matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/audit/**", "/audit/**").hasAuthority(ADMIN.groupId())
                        .requestMatchers("/api/login-throttle/**").hasAuthority(ADMIN.groupId())
                        .requestMatchers("/api/notifications/**", "/notifications/**").hasAuthority(Role.SPOC.groupId())
                        // Agency contacts have no login: their personal link is the key (uk.cdr.agencyreport).
                        .requestMatchers("/form-b/**").permitAll()
                        .requestMatchers("/cases/*/agencies", "/cases/*/agencies/**", "/api/cases/*/agency-reports",
                                "/api/cases/*/agency-reports/**").hasAuthority(Role.SPOC.groupId())
                        .requestMatchers("/api/cases/*/post-mortem", "/cases/*/post-mortem").hasAuthority(Role.SPOC.groupId())
                        // The NCMD record names the child: the SPOC submits it, no one else reads it.
                        .requestMatchers("/api/cases/*/ncmd-record", "/api/cases/*/ncmd-record.csv",
                                "/api/cases/*/supplementary-forms").hasAuthority(Role.SPOC.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/cdop/queue/*/proceed-without-form-bs").hasAuthority(Role.SPOC.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/cdop/meetings", "/api/cdop/meetings/*/cases",
                                "/cdop/meetings", "/cdop/meetings/*/cases")
                        .hasAnyAuthority(Role.SPOC.groupId(), Role.CDOP_CHAIR.groupId())
                        .requestMatchers(HttpMethod.GET, "/cdop/queue", "/api/cdop/queue", "/api/cdop/meetings",
                                "/api/cdop/meetings/*/agenda", "/api/cdop/cases/*", "/cdop/cases/*", "/cdop/meetings", "/cdop/meetings/*")
                        .hasAnyAuthority(Role.SPOC.groupId(), Role.CDOP_PANEL.groupId())
                        // The panel records Form C and its outcome; only the chair ratifies.
                        .requestMatchers(HttpMethod.PUT, "/api/cdop/cases/*/form-c").hasAuthority(Role.CDOP_PANEL.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/cdop/cases/*/outcome", "/cdop/meetings/*/cases/*/form-c",
                                "/cdop/meetings/*/cases/*/outcome").hasAuthority(Role.CDOP_PANEL.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/cdop/cases/*/ratification",
                                "/cdop/meetings/*/cases/*/ratification").hasAuthority(Role.CDOP_CHAIR.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/cdop/recommendations/*/done",
                                "/cdop/meetings/*/recommendations/*/done")
                        .hasAnyAuthority(Role.SPOC.groupId(), Role.CDOP_PANEL.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/reopening", "/cases/*/reopening",
                                "/api/cases/*/process", "/cases/*/process")
                        .hasAuthority(Role.SPOC.groupId())
                        // The case list: the panel sees it anonymised (uk.cdr.caselist.Viewer).
                        // The nurse reads the case (she offers the family bereavement support) but acts on it only in her task.
                        .requestMatchers(HttpMethod.GET, "/cases", "/api/cases", "/api/cases/*").hasAnyAuthority(
                                Role.SPOC.groupId(), Role.DESIGNATED_DOCTOR.groupId(), Role.CDR_NURSE.groupId(),
                                Role.CDOP_PANEL.groupId())
                        .requestMatchers(HttpMethod.GET, "/cases/*").hasAnyAuthority(Role.SPOC.groupId(),
                                Role.DESIGNATED_DOCTOR.groupId(), Role.CDR_NURSE.groupId())
                        .requestMatchers("/cases/*").hasAnyAuthority(Role.SPOC.groupId(), Role.DESIGNATED_DOCTOR.groupId())
                        .requestMatchers(HttpMethod.POST, "/cases/*/actions/*/done")
                        .hasAnyAuthority(Role.SPOC.groupId(), Role.DESIGNATED_DOCTOR.groupId())
                        // Historical cases from a CDOP's spreadsheets (uk.cdr.caseimport).
                        .requestMatchers("/import", "/api/import/**").hasAnyAuthority(Role.SPOC.groupId(), ADMIN.groupId())
                        // The annual statistics: the SPOC and the panel prepare them, the board reads the printed report.
                        // The process audit (issue 16): the SPOC, the Designated Doctor, the chair and the administrator.
                        .requestMatchers(HttpMethod.GET, "/process-audit", "/process-audit/*", "/api/process-audit", "/api/process-audit/**")
                        .hasAnyAuthority(Role.SPOC.groupId(), Role.DESIGNATED_DOCTOR.groupId(), Role.CDOP_CHAIR.groupId(),
                                ADMIN.groupId())
                        .requestMatchers(HttpMethod.GET, "/statistics", "/api/statistics/**")
                        .hasAnyAuthority(Role.SPOC.groupId(), Role.CDOP_PANEL.groupId(), Role.CDOP_CHAIR.groupId(), ADMIN.groupId())
                        .requestMatchers("/", "/api/me", "/api/areas", "/logout").authenticated()
                        // My work (uk.cdr.work): everyone's own tasks; the engine's candidate groups decide which.
                        .requestMatchers("/my-work", "/api/tasks", "/api/tasks/*/form", "/api/tasks/*/completion")
                        .authenticated()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").failureHandler(new LoginFailureRedirect())
                        .defaultSuccessUrl("/", false))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // A request carrying its own Authorization header cannot be forged cross-site.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                        .defaultAuthenticationEntryPointFor(loginPage, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(notFoundOrDenied))
                .addFilterAfter(appUser, AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Task comments and attachments are free text and files that the engine keeps in its history,
     * out of reach of the app's privacy rules: nobody writes them (reading finds none).
     */
    private static final java.util.regex.Pattern COMMENT_OR_ATTACHMENT = java.util.regex.Pattern
            .compile("(?i).*/(comment|attachment)(/.*)?$");
    static final RequestMatcher FREE_TEXT_IN_ENGINE = request -> !"GET".equals(request.getMethod())
            && COMMENT_OR_ATTACHMENT.matcher(org.springframework.web.util.UrlPathHelper.defaultInstance
                    .getPathWithinApplication(request)).matches();

    private static RequestMatcher matcher(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher matcher(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
