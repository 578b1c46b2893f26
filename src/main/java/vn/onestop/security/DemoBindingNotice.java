package vn.onestop.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up where the demo (whose logins are public in README) can be reached (issue 24, finding 4). */
@Component
@Profile("demo")
public class DemoBindingNotice implements ApplicationListener<WebServerInitializedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBindingNotice.class);

  private final Environment environment;

  public DemoBindingNotice(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    String address = environment.getProperty("server.address", "0.0.0.0");
    int port = event.getWebServer().getPort();
    if (address.equals("127.0.0.1") || address.equals("localhost") || address.equals("::1")) {
      LOG.warn("Bản demo (tài khoản demo công khai) chỉ nghe trên máy này: http://{}:{}/ — đặt ONESTOP_BIND_ADDRESS=0.0.0.0 "
          + "để mở ra mạng (The demo listens on this computer only)", address, port);
    } else {
      LOG.warn("Bản demo với tài khoản demo công khai đang nghe trên {}:{}, mọi máy trong mạng đều truy cập được "
          + "(The demo, with public demo logins, is reachable from the network)", address, port);
    }
  }
}
