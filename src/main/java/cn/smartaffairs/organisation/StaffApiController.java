package cn.smartaffairs.organisation;

import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.platform.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartFile;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff register for integrations, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "干部职工 Staff")
@SecurityRequirement(name = "bearer")
class StaffApiController {

  private final StaffDirectory staff;
  private final StaffImport staffImport;
  private final MessageSource messages;

  StaffApiController(StaffDirectory staff, StaffImport staffImport, MessageSource messages) {
    this.staff = staff;
    this.staffImport = staffImport;
    this.messages = messages;
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "导入人员 Import staff from .xlsx (the export's and the template's columns)", description = "All rows or none. mode=CREATE (新增) adds new staff; mode=UPDATE (更新) changes existing staff found"
      + " by 区域编码 + 工号, a masked 手机号 (138****5678) leaving the number unchanged. Answers {\"imported\": N},"
      + " or 422 with every error as {row, column, message} in `errors`.")
  Map<String, Object> importWorkbook(@RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "CREATE") StaffImportMode mode,
      HttpServletRequest request) throws IOException {
    int imported = staffImport.importWorkbook(file.getInputStream(), mode,
        StaffDirectory.editScope(CurrentUsers.current()), ApiLocale.of(request));
    return Map.of("imported", imported, "mode", mode);
  }

  @ExceptionHandler(ImportRejectedException.class)
  ProblemDetail importRejected(ImportRejectedException rejected, HttpServletRequest request) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        messages.getMessage("import.rejected", new Object[] {rejected.errors().size()}, ApiLocale.of(request)));
    problem.setTitle("Unprocessable Entity");
    problem.setProperty("errors", rejected.errors());
    return problem;
  }

  @GetMapping
  @Operation(summary = "人员列表 List staff in the caller's scope", description = "Answers {\"items\": [...], \"total\": N}.")
  Page<StaffMember> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String keyword, @RequestParam(required = false) Long unitId,
      @RequestParam(required = false) StaffStatus status) {
    return staff.search(new StaffQuery(keyword, null, unitId, status), CurrentUsers.scope(), Math.max(page, 0),
        Page.boundedSize(size));
  }

  @GetMapping("/{id}")
  @Operation(summary = "人员详情 One staff member")
  StaffMember get(@PathVariable long id) {
    return staff.get(id, CurrentUsers.scope());
  }

  @PostMapping
  @Operation(summary = "新增人员 Add a staff member")
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody StaffDraft draft) {
    long id = staff.create(draft, StaffDirectory.editScope(CurrentUsers.current()));
    return ResponseEntity.created(URI.create("/api/v1/staff/" + id)).body(Map.of("id", id));
  }

  @PutMapping("/{id}")
  @Operation(summary = "修改人员 Change a staff member")
  StaffMember update(@PathVariable long id, @Valid @RequestBody StaffDraft draft) {
    staff.update(id, draft, StaffDirectory.editScope(CurrentUsers.current()));
    return staff.get(id, CurrentUsers.scope());
  }
}
