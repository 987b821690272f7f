package org.proposalhandling.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's DataSource on its own MariaDB server, started before and stopped after everything that uses it
 * (the engine, Liquibase, the job executor): Spring destroys the beans that depend on the server first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
@ConditionalOnProperty(name = "proposals.database.embedded.enabled", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedMariaDb embeddedMariaDb(DatabaseProperties properties) {
    DatabaseProperties.Embedded embedded = properties.embedded();
    EmbeddedMariaDb server = EmbeddedMariaDb.start(embedded.directory(), embedded.serverDirectory(), embedded.port(),
        embedded.serverOptions());
    try {
      server.createDatabase(embedded.database());
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** As Spring Boot's own, with the server's URL and credentials; spring.datasource.hikari.* apply. */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DataSourceProperties dataSource, DatabaseProperties properties, EmbeddedMariaDb server) {
    return DataSourceBuilder.create().type(HikariDataSource.class).driverClassName(dataSource.getDriverClassName())
        .url(server.jdbcUrl(properties.embedded().database(), properties.urlParameters()))
        .username(server.user()).password(server.password()).build();
  }
}
