# libFuzzer harnesses (tests/fuzz/fuzz_NAME.c), built when AG_FUZZ is on
# with clang: scripts/fuzz NAME SECONDS configures build-fuzz and runs one.
# The library is compiled with -fsanitize=fuzzer-no-link (coverage only);
# each harness links libFuzzer's main.
set(AG_FUZZERS date escape gdelt load)
foreach(name ${AG_FUZZERS})
  add_executable(fuzz_${name} tests/fuzz/fuzz_${name}.c)
  target_include_directories(fuzz_${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(fuzz_${name} PRIVATE actorgraph_static)
  target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
endforeach()
