package org.proposalhandling.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders mail/&lt;name&gt;.html (values escaped) and mail/&lt;name&gt;.txt from the classpath templates, with SpEL. */
@Component
class MailTemplates {

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  String html(String name, Map<String, Object> model) {
    return html.process(name, new Context(Locale.SIMPLIFIED_CHINESE, model));
  }

  String text(String name, Map<String, Object> model) {
    return text.process(name, new Context(Locale.SIMPLIFIED_CHINESE, model));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
