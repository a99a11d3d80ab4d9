package cn.smartaffairs.space;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office-space register: buildings, floors and rooms in the caller's scope. */
@RestController
@Tag(name = "办公用房 Office space register")
@SecurityRequirement(name = "bearer")
class SpaceRegisterApiController {

  private final SpaceRegister register;

  SpaceRegisterApiController(SpaceRegister register) {
    this.register = register;
  }

  @GetMapping("/api/v1/space/buildings")
  @Operation(summary = "楼宇列表 Buildings in the caller's scope")
  List<Building> buildings() {
    return register.buildings(CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/buildings")
  @Operation(summary = "登记楼宇 Register a building (space managers and admins of the region)")
  ResponseEntity<Building> createBuilding(@RequestBody BuildingDraft draft) {
    var user = CurrentUsers.current();
    long id = register.createBuilding(draft, user);
    return ResponseEntity.created(URI.create("/api/v1/space/buildings/" + id)).body(register.building(id, user));
  }

  @GetMapping("/api/v1/space/buildings/{id}")
  @Operation(summary = "楼宇 One building")
  Building building(@PathVariable long id) {
    return register.building(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/space/buildings/{id}/floors")
  @Operation(summary = "楼层 The floors of a building")
  List<Floor> floors(@PathVariable long id) {
    return register.floors(id, CurrentUsers.current());
  }

  /** A floor to add: its level (1 = ground floor, -1 = first basement) and an optional name. */
  record NewFloor(int level, String name) {}

  @PostMapping("/api/v1/space/buildings/{id}/floors")
  @Operation(summary = "添加楼层 Add a floor")
  ResponseEntity<List<Floor>> addFloor(@PathVariable long id, @RequestBody NewFloor floor) {
    var user = CurrentUsers.current();
    register.addFloor(id, floor.level(), floor.name(), user);
    return ResponseEntity.status(201).body(register.floors(id, user));
  }

  @GetMapping("/api/v1/space/rooms")
  @Operation(summary = "房间列表 Rooms in the caller's scope", description = "A region's space managers see its rooms; a unit sees the rooms allocated to it; a staff member "
      + "the rooms that are their office. kind: OFFICE 办公室, SERVICE 服务用房, EQUIPMENT 设备用房, ANCILLARY 附属用房.")
  List<Room> rooms(@RequestParam(required = false) Long buildingId) {
    return register.rooms(buildingId, CurrentUsers.current());
  }

  @GetMapping("/api/v1/space/rooms/{id}")
  @Operation(summary = "房间 One room")
  Room room(@PathVariable long id) {
    return register.room(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/rooms")
  @Operation(summary = "登记房间 Register a room on a floor")
  ResponseEntity<Room> addRoom(@RequestBody RoomDraft draft) {
    var user = CurrentUsers.current();
    long id = register.addRoom(draft, user);
    return ResponseEntity.created(URI.create("/api/v1/space/rooms/" + id)).body(register.room(id, user));
  }
}
