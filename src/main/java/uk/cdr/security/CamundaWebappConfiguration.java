package uk.cdr.security;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the webapp's container-based authentication after Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class CamundaWebappConfiguration {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOnFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", CamundaWebappSingleSignOn.class.getName());
        registration.addUrlPatterns("/camunda/*");
        // Spring Security's chain is registered at -100 by default; this one must see its result.
        registration.setOrder(101);
        registration.setName("camundaWebappSingleSignOn");
        return registration;
    }
}
