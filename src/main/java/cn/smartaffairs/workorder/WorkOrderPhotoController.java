package cn.smartaffairs.workorder;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Photos of an order, over the API and for the pages (the same paths under /work-orders serve the image). */
@RestController
@Tag(name = "工单 Work orders")
class WorkOrderPhotoController {

  private final WorkOrderPhotos photos;

  WorkOrderPhotoController(WorkOrderPhotos photos) {
    this.photos = photos;
  }

  @PostMapping(path = "/api/v1/work-orders/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "上传照片 Attach a photo (JPEG/PNG/WebP, at most 10 MB, five per order)")
  ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @RequestParam("file") MultipartFile file)
      throws IOException {
    long photoId = photos.attach(id, file.getOriginalFilename(), file.getBytes(), CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/work-orders/" + id + "/photos/" + photoId))
        .body(Map.of("id", photoId));
  }

  @GetMapping("/api/v1/work-orders/{id}/photos")
  @Operation(summary = "照片列表 The photos of an order")
  List<WorkOrderPhotos.Photo> list(@PathVariable long id) {
    return photos.photos(id, CurrentUsers.current());
  }

  @GetMapping({"/api/v1/work-orders/{id}/photos/{photoId}", "/work-orders/{id}/photos/{photoId}"})
  @Operation(summary = "照片 One photo's image")
  ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long photoId) {
    var content = photos.content(id, photoId, CurrentUsers.current());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .cacheControl(CacheControl.noCache().cachePrivate())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(content.data());
  }
}
