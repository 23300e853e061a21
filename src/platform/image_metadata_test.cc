#include "platform/image_metadata.h"

#include <gtest/gtest.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>

#include "testing/fixture_file.h"

namespace xaso::platform {
namespace {

using xaso::testing::ReadFixture;

std::string BytesOf(Exiv2::BasicIo& io) {
  io.open();
  std::string out(io.size(), '\0');
  io.read(reinterpret_cast<Exiv2::byte*>(out.data()), static_cast<long>(out.size()));
  io.close();
  return out;
}

// `clean` with what a phone writes: a GPS position, the camera, the time, an XMP copy of the
// position, an IPTC place and a comment naming the owner; Orientation 6 (rotate 90°).
std::string WithPhoneMetadata(const std::string& clean) {
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(clean.data()),
                                         static_cast<long>(clean.size()));
  image->readMetadata();
  Exiv2::ExifData& exif = image->exifData();
  exif["Exif.Image.Make"] = "XasoTestCam";
  exif["Exif.Image.Orientation"] = uint16_t{6};
  exif["Exif.Photo.DateTimeOriginal"] = "2026:11:20 07:30:00";
  exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
  Exiv2::URationalValue lat;
  lat.read("20/1 41/1 24/1");
  exif["Exif.GPSInfo.GPSLatitude"] = lat;
  image->xmpData()["Xmp.exif.GPSLatitude"] = "20,41.4N";
  if (image->imageType() == Exiv2::ImageType::jpeg) {
    image->iptcData()["Iptc.Application2.City"] = "ThonBa";
    image->setComment("Nguyen Van A");
  }
  image->writeMetadata();
  return BytesOf(image->io());
}

struct Read {
  Exiv2::ExifData exif;
  Exiv2::XmpData xmp;
  Exiv2::IptcData iptc;
  std::string comment;
  int type = 0;
};

Read ReadBack(const std::string& bytes) {
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                         static_cast<long>(bytes.size()));
  image->readMetadata();
  return {image->exifData(), image->xmpData(), image->iptcData(), image->comment(),
          image->imageType()};
}

class StripImageMetadataTest : public ::testing::TestWithParam<const char*> {};

TEST_P(StripImageMetadataTest, RemovesGpsAndEverythingElseButKeepsOrientation) {
  const std::string clean = ReadFixture(GetParam());
  ASSERT_FALSE(clean.empty());
  const std::string tagged = WithPhoneMetadata(clean);
  // The input really carries what must go, or the test would prove nothing.
  const Read before = ReadBack(tagged);
  ASSERT_NE(before.exif.findKey(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitude")), before.exif.end());
  ASSERT_FALSE(before.xmp.empty());
  // (PNG keeps Exif compressed, so only JPEG and WebP show it as plain bytes.)
  if (before.type != Exiv2::ImageType::png) {
    ASSERT_NE(tagged.find("XasoTestCam"), std::string::npos);
  }

  auto stripped = StripImageMetadata(tagged);
  ASSERT_TRUE(stripped.has_value()) << stripped.error().message;
  const Read after = ReadBack(*stripped);
  EXPECT_EQ(after.type, before.type);
  if (after.type == Exiv2::ImageType::png) {
    // PNG keeps no Exif at all: browsers read no orientation from it, and phones do not
    // write rotated PNGs.
    EXPECT_TRUE(after.exif.empty());
  } else {
    ASSERT_EQ(after.exif.count(), 1u);
    EXPECT_EQ(after.exif.begin()->key(), "Exif.Image.Orientation");
    EXPECT_EQ(after.exif.begin()->toLong(), 6);
  }
  EXPECT_TRUE(after.xmp.empty());
  EXPECT_TRUE(after.iptc.empty());
  EXPECT_TRUE(after.comment.empty());
  for (const char* leak : {"XasoTestCam", "GPSLatitude", "2026:11:20", "ThonBa", "Nguyen"}) {
    EXPECT_EQ(stripped->find(leak), std::string::npos) << leak;
  }
}

TEST_P(StripImageMetadataTest, LeavesAnImageWithoutMetadataWithoutExif) {
  auto stripped = StripImageMetadata(ReadFixture(GetParam()));
  ASSERT_TRUE(stripped.has_value()) << stripped.error().message;
  EXPECT_TRUE(ReadBack(*stripped).exif.empty());
}

// `clean` with blocks exiv2 does not manage, each carrying "SECRET": for JPEG an MPF-like APP2,
// an APP12 and a second image after EOI; for PNG text chunks and data after IEND; for WebP an
// unknown chunk and data after the RIFF.
std::string WithForeignBlocks(const std::string& clean, int type) {
  const auto be16 = [](size_t n) {
    return std::string{static_cast<char>(n >> 8), static_cast<char>(n & 0xFF)};
  };
  const auto be32 = [&](size_t n) { return be16(n >> 16) + be16(n & 0xFFFF); };
  const auto le32 = [](size_t n) {
    std::string s(4, '\0');
    for (int k = 0; k < 4; ++k) s[k] = static_cast<char>((n >> (8 * k)) & 0xFF);
    return s;
  };
  if (type == Exiv2::ImageType::jpeg) {
    const std::string mpf = std::string("MPF\0SECRET-MPF", 14);
    const std::string app12 = "Ducky SECRET-APP12";
    return clean.substr(0, 2) + "\xFF\xE2" + be16(mpf.size() + 2) + mpf + "\xFF\xEC" +
           be16(app12.size() + 2) + app12 + clean.substr(2) + "\xFF\xD8SECRET-TRAILER\xFF\xD9";
  }
  if (type == Exiv2::ImageType::png) {
    // CRCs are not checked by exiv2 0.27 nor by the filter; the chunks only have to add up.
    const std::string text = std::string("Author\0SECRET-AUTHOR", 20);
    const size_t ihdr_end = 8 + 12 + 13;
    return clean.substr(0, ihdr_end) + be32(text.size()) + "tEXt" + text + "CRC!" +
           clean.substr(ihdr_end) + "SECRET-TRAILER";
  }
  const std::string chunk = "ZZZZ" + le32(12) + "SECRET-WEBP!";
  std::string riff = clean + chunk;
  riff.replace(4, 4, le32(riff.size() - 8));
  return riff + "SECRET-TRAILER";
}

TEST_P(StripImageMetadataTest, DropsBlocksExiv2LeavesAlone) {
  const std::string clean = ReadFixture(GetParam());
  ASSERT_FALSE(clean.empty());
  const std::string foreign = WithForeignBlocks(clean, ReadBack(clean).type);
  ASSERT_NE(foreign.find("SECRET"), std::string::npos);
  auto stripped = StripImageMetadata(foreign);
  ASSERT_TRUE(stripped.has_value()) << stripped.error().message;
  EXPECT_EQ(stripped->find("SECRET"), std::string::npos) << *stripped;
  EXPECT_EQ(ReadBack(*stripped).type, ReadBack(clean).type);
}

INSTANTIATE_TEST_SUITE_P(Formats, StripImageMetadataTest,
                         ::testing::Values("tiny.jpg", "tiny-progressive.jpg", "tiny.png",
                                           "tiny.webp"));

TEST(StripImageMetadataErrorTest, RefusesWhatIsNotAnImage) {
  for (const std::string& bad : {std::string(), std::string("%PDF-1.7 not a photo"),
                                 std::string("\xFF\xD8\xFF\xE1\xFF\xFF garbage"),
                                 std::string("GIF89a\x01\x00\x01\x00", 10)}) {
    auto r = StripImageMetadata(bad);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(StripImageMetadataErrorTest, RefusesATruncatedJpeg) {
  const std::string tagged = WithPhoneMetadata(ReadFixture("tiny.jpg"));
  auto r = StripImageMetadata(std::string_view(tagged).substr(0, 200));
  EXPECT_FALSE(r.has_value());
}

}  // namespace
}  // namespace xaso::platform

#pragma GCC diagnostic pop
