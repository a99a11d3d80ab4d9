package cn.smartaffairs.space;

import java.math.BigDecimal;

/** 楼宇: a registered office building with its title (权属, 不动产权证) and areas in m². */
public record Building(long id, long regionId, String code, String name, String address, String ownership,
    String titleCertificate, Integer yearBuilt, BigDecimal totalBuildingArea, BigDecimal totalUseArea,
    int floorCount, int roomCount, BigDecimal registeredRoomArea) {}
