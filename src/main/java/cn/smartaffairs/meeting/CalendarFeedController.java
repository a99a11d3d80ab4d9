package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 日历订阅: the .ics feeds calendar clients fetch without signing in (the secret in the address is the credential),
 * and the page where a person sees and replaces their own feed's address.
 */
@PageController
class CalendarFeedController {

  private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final CalendarFeeds feeds;

  CalendarFeedController(CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  @GetMapping("/calendar-feeds/{secret}.ics")
  @ResponseBody
  ResponseEntity<String> feed(@PathVariable String secret) {
    String body = feeds.feed(secret).orElseThrow(() -> new NotFoundException("calendarFeed", null));
    return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore()).body(body);
  }

  @GetMapping("/meeting-rooms/calendar-feed")
  String page(Model model, HttpServletRequest request) {
    model.addAttribute("feedUrl", address(feeds.personalSecret(CurrentUsers.current())));
    return "meeting/calendar-feed";
  }

  @PostMapping("/meeting-rooms/calendar-feed/regenerate")
  String regenerate(RedirectAttributes redirect) {
    feeds.regenerate(CurrentUsers.current());
    redirect.addFlashAttribute("regenerated", true);
    return "redirect:/meeting-rooms/calendar-feed";
  }

  static String address(String secret) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar-feeds/{secret}.ics")
        .buildAndExpand(secret).toUriString();
  }
}
