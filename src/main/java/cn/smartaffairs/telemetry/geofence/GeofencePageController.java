package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.telemetry.GeofenceKind;
import cn.smartaffairs.telemetry.MapProperties;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 电子围栏 (vehicle managers and administrators): the region's fences on a map and in a list with how their area
 * commands stand, a form to draw one, and the newest crossings; each fence's page changes, pushes or deletes it and
 * shows each terminal's answer. The map's script reads its data from data-* attributes (no inline scripts).
 */
@PageController
class GeofencePageController {

  /** Which field a broken rule of the outline concerns, by the shape being drawn. */
  private static final Map<String, String> RULE_FIELDS = Map.ofEntries(
      Map.entry("telemetry.geofence.nameRequired", "name"), Map.entry("telemetry.geofence.nameTooLong", "name"),
      Map.entry("telemetry.geofence.nameTaken", "name"), Map.entry("telemetry.geofence.kindRequired", "kind"),
      Map.entry("telemetry.geofence.shapeRequired", "shape"), Map.entry("telemetry.geofence.shapeFixed", "shape"),
      Map.entry("telemetry.geofence.placeInvalid", "placeId"),
      Map.entry("telemetry.geofence.radiusInvalid", "radiusM"));
  private static final Map<Shape, String> POINT_FIELDS = Map.of(Shape.CIRCLE, "centreLat", Shape.RECTANGLE,
      "corner1Lat", Shape.POLYGON, "vertices");
  private static final int RECENT_CROSSINGS = 30;

  static final SortKeys SORT_KEYS = SortKeys.builder().ascending("name").ascending("kind").ascending("shape")
      .byDefault("name").inMemory();
  private static final Map<String, Comparator<Geofence>> ORDERS = Map.of(
      "name", SortKeys.byPinyin(Geofence::name),
      "kind", SortKeys.<Geofence, GeofenceKind>byValue(Geofence::kind).thenComparing(SortKeys.byPinyin(Geofence::name)),
      "shape", SortKeys.<Geofence, Shape>byValue(Geofence::shape).thenComparing(SortKeys.byPinyin(Geofence::name)));
  static final ListColumns<Geofence> COLUMNS = ListColumns.<Geofence>sortedBy(SORT_KEYS)
      .sortable("name", "telemetry.geofence.name", Geofence::name)
      .sortable("kind", "telemetry.geofence.kind", f -> ListColumns.words("telemetry.geofence.kind." + f.kind()))
      .sortable("shape", "telemetry.geofence.shape", f -> ListColumns.words("telemetry.geofence.shape." + f.shape()))
      .pageOnly("telemetry.geofence.outline")
      .pageOnly("telemetry.geofence.commands")
      .searchedFor("telemetry.geofence.search").pagedBy(20).build();

  private final Geofences geofences;
  private final AreaCommandPushes pushes;
  private final GeofenceCrossings crossings;
  private final Fleet fleet;
  private final MapProperties map;
  private final ObjectMapper json;
  private final MessageSource messages;

  GeofencePageController(Geofences geofences, AreaCommandPushes pushes, GeofenceCrossings crossings, Fleet fleet,
      MapProperties map, ObjectMapper json, MessageSource messages) {
    this.geofences = geofences;
    this.pushes = pushes;
    this.crossings = crossings;
    this.fleet = fleet;
    this.map = map;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping("/vehicles/geofences")
  String list(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    List<Geofence> fences = geofences.list(user);
    ListQuery query = COLUMNS.parse(parameters);
    var page = query.pageOf(fences, f -> ListQuery.searchable(f.name()), ORDERS);
    COLUMNS.show(model, query, page);
    List<Geofence> deleted = geofences.deletedWithCommands(user);
    model.addAttribute("tally", pushes.tally(java.util.stream.Stream.concat(page.items().stream(), deleted.stream())
        .map(Geofence::id).toList()));
    model.addAttribute("deleted", deleted);
    model.addAttribute("crossings", crossings.recent(user, null, RECENT_CROSSINGS));
    if (!model.containsAttribute("geofenceForm")) {
      GeofenceForm form = new GeofenceForm();
      form.setShape(Shape.CIRCLE);
      form.setKind(GeofenceKind.PARKING);
      model.addAttribute("geofenceForm", form);
    }
    choices(model, user);
    model.addAttribute("fencesJson", write(fences.stream().map(GeofencePageController::onMap).toList()));
    return "telemetry/geofences";
  }

  @PostMapping("/vehicles/geofences")
  String create(@Valid @ModelAttribute("geofenceForm") GeofenceForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    AtomicReference<Geofence> created = new AtomicReference<>();
    return outcome(form, binding, () -> created.set(geofences.create(form.draft(), CurrentUsers.current())),
        () -> messages.getMessage("telemetry.geofence.created", new Object[] {created.get().name()}, locale),
        "/vehicles/geofences", redirect, locale);
  }

  @GetMapping("/vehicles/geofences/{id}")
  String detail(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    Geofence fence = geofences.get(id, user);
    model.addAttribute("fence", fence);
    if (!model.containsAttribute("geofenceForm")) {
      model.addAttribute("geofenceForm", GeofenceForm.of(fence));
    }
    List<AreaCommandPushes.TerminalCommand> commands = pushes.commands(id, user);
    Map<Long, String> plates = commands.isEmpty()
        ? Map.of()
        : fleet.list(Geofences.managedBy(user), null).stream()
            .collect(Collectors.toMap(Vehicle::id, Vehicle::plate, (a, b) -> a));
    model.addAttribute("commands", commands);
    model.addAttribute("plates", plates);
    model.addAttribute("crossings", crossings.recent(user, id, RECENT_CROSSINGS));
    choices(model, user);
    model.addAttribute("fencesJson", write(List.of(onMap(fence))));
    return "telemetry/geofence";
  }

  @PostMapping("/vehicles/geofences/{id}")
  String update(@PathVariable long id, @Valid @ModelAttribute("geofenceForm") GeofenceForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    AtomicReference<Geofence> changed = new AtomicReference<>();
    return outcome(form, binding, () -> changed.set(geofences.update(id, form.draft(), CurrentUsers.current())),
        () -> messages.getMessage("telemetry.geofence.updated", new Object[] {changed.get().name()}, locale),
        "/vehicles/geofences/" + id, redirect, locale);
  }

  @PostMapping("/vehicles/geofences/{id}/push")
  String push(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    geofences.get(id, CurrentUsers.current()); // a fence the caller may not see is a 404 page, not a message
    AtomicReference<Integer> asked = new AtomicReference<>();
    return PageOutcome.redirectAfter(() -> asked.set(pushes.push(id, CurrentUsers.current())),
        () -> messages.getMessage(asked.get() == 0 ? "telemetry.geofence.pushedNone" : "telemetry.geofence.pushed",
            new Object[] {asked.get()}, locale),
        "/vehicles/geofences/" + id, redirect, messages, locale);
  }

  @PostMapping("/vehicles/geofences/{id}/delete")
  String delete(@PathVariable long id, @RequestParam Integer version, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    String name = geofences.get(id, user).name();
    try {
      geofences.delete(id, version, user);
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return "redirect:/vehicles/geofences/" + id;
    }
    redirect.addFlashAttribute("flash", messages.getMessage("telemetry.geofence.deletedDone", new Object[] {name},
        locale));
    return "redirect:/vehicles/geofences";
  }

  /**
   * Runs a valid form's change; a broken rule of the outline goes beside the field it concerns (the points of the
   * shape drawn), any other above the form, and the form comes back with what was typed.
   */
  private String outcome(GeofenceForm form, BindingResult binding, Runnable change, Supplier<String> done,
      String target, RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        change.run();
        redirect.addFlashAttribute("flash", done.get());
        return "redirect:" + target;
      } catch (BusinessRuleException e) {
        if (e.isForbidden() || e instanceof cn.smartaffairs.platform.NotFoundException) {
          throw e;
        }
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
        String field = e instanceof ConflictException && !e.messageKey().endsWith("nameTaken")
            ? null
            : RULE_FIELDS.getOrDefault(e.messageKey(),
                form.getShape() == null ? null : POINT_FIELDS.get(form.getShape()));
        if (field != null) {
          binding.rejectValue(field, e.messageKey(), e.arguments(), message);
        } else {
          binding.reject(e.messageKey(), e.arguments(), message);
        }
      }
    }
    return PageOutcome.redirectWithErrors(binding, target, redirect);
  }

  private void choices(Model model, CurrentUser user) {
    model.addAttribute("kinds", GeofenceKind.values());
    model.addAttribute("shapes", Shape.values());
    model.addAttribute("places", geofences.places(user));
    model.addAttribute("map", map);
  }

  /** A fence as the map's script draws it: points as [lat, lon] in degrees. */
  private static Map<String, Object> onMap(Geofence fence) {
    Map<String, Object> drawn = new LinkedHashMap<>();
    drawn.put("id", fence.id());
    drawn.put("name", fence.name());
    drawn.put("shape", fence.shape().name());
    drawn.put("points", fence.geometry().points().stream().map(v -> List.of(v.lat(), v.lon())).toList());
    if (fence.geometry() instanceof Geometry.Circle circle) {
      drawn.put("radius", circle.radiusMetres());
    }
    return drawn;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
