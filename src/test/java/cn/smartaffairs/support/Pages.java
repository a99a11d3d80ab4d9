package cn.smartaffairs.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import cn.smartaffairs.security.Accounts;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Requests to the pages through the real filter chain (sign-in rules, CSRF) of the shared application context,
 * without a second context: a page test signs in as a demo account by loading it, not by typing its password.
 */
public final class Pages {

  private Pages() {}

  public static MockMvc mockMvc(WebApplicationContext context) {
    return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  /**
   * A signed-in browser session that has been shown a page, so that it holds a CSRF token: a request forged
   * from another site rides on such a session but cannot know the token.
   */
  public static MockHttpSession sessionWithCsrfToken(MockMvc mvc, RequestPostProcessor user, String page)
      throws Exception {
    var session = new MockHttpSession();
    mvc.perform(MockMvcRequestBuilders.get(page).session(session).with(user));
    return session;
  }

  public static RequestPostProcessor signedInAs(Accounts accounts, String username) {
    return user(accounts.loadUserByUsername(username));
  }
}
