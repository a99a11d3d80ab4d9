package cn.smartaffairs.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to another page of the current list that keep its search parameters (used by the paging bar). */
@Component("pageLinks")
public class PageLinks {

  public String to(int page) {
    return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
  }
}
