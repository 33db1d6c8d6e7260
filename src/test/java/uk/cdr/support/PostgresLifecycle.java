package uk.cdr.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Ties the shared PostgreSQL to the Spring context: every DataSource depends on it, so at
 * shutdown the engine and the pool close first and the database stops last.
 */
@TestConfiguration(proxyBeanMethods = false)
class PostgresLifecycle {

    static final String BEAN = "sharedPostgresUse";

    @Bean(BEAN)
    DisposableBean sharedPostgresUse() {
        SharedPostgres.acquire();
        return SharedPostgres::release;
    }

    @Bean
    static BeanFactoryPostProcessor dataSourcesDependOnPostgres() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn();
                String[] extended = dependsOn == null ? new String[1] : java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[extended.length - 1] = BEAN;
                definition.setDependsOn(extended);
            }
        };
    }
}
