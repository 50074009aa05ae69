# A fast inner loop without changing what is built: compile through ccache and link with mold
# or ld.lld when they are installed (scripts/setup installs both). Included by the top-level
# CMakeLists.txt and by fuzz/standalone, before any target. Each is an option:
#   -DFAKEZOOM_CCACHE=OFF        compile without ccache (a launcher the user set always wins)
#   -DFAKEZOOM_FAST_LINKER=OFF   link with the compiler's default linker
include_guard(GLOBAL)

option(FAKEZOOM_CCACHE "Compile through ccache when it is found and no compiler launcher is set" ON)
option(FAKEZOOM_FAST_LINKER "Link with mold, or else ld.lld, when found" ON)

# ccache keeps its cache in its default place in the user's home, so a fresh clone on the same
# machine (CI's, or a second checkout) reuses what the first one compiled. What that takes:
# - base_dir: absolute paths under the source tree become relative in what ccache hashes, so
#   /work/fakezoom/build/dev and /tmp/ci/fakezoom/build/dev share entries;
# - no hash_dir: a debug build's objects would otherwise be keyed on the build directory;
# - sloppiness pch_defines,time_macros: the tests' precompiled headers (ccache's manual), and
#   include_file_mtime,include_file_ctime so that a header touched but not changed still hits.
# The settings travel in the environment of each compile, leaving the user's ccache.conf alone.
if(FAKEZOOM_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER AND NOT DEFINED ENV{CMAKE_CXX_COMPILER_LAUNCHER})
  find_program(FAKEZOOM_CCACHE_PROGRAM ccache)
  if(FAKEZOOM_CCACHE_PROGRAM)
    get_filename_component(fakezoom_ccache_base "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
    set(fakezoom_ccache_launcher
        "${CMAKE_COMMAND}" -E env
        "CCACHE_BASEDIR=${fakezoom_ccache_base}"
        CCACHE_NOHASHDIR=true
        CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
        "${FAKEZOOM_CCACHE_PROGRAM}")
    set(CMAKE_CXX_COMPILER_LAUNCHER ${fakezoom_ccache_launcher})
    set(CMAKE_C_COMPILER_LAUNCHER ${fakezoom_ccache_launcher})
    message(STATUS "fakezoom: compiling through ${FAKEZOOM_CCACHE_PROGRAM} (-DFAKEZOOM_CCACHE=OFF to stop)")
  endif()
endif()

# -fuse-ld=mold needs GCC 12 or clang; check_linker_flag tries it, so an older compiler or a
# missing linker just falls back to the default one.
if(FAKEZOOM_FAST_LINKER)
  include(CheckLinkerFlag)
  foreach(linker mold lld)
    string(TOUPPER "${linker}" linker_upper)
    check_linker_flag(CXX "-fuse-ld=${linker}" FAKEZOOM_LINKER_${linker_upper}_WORKS)
    if(FAKEZOOM_LINKER_${linker_upper}_WORKS)
      add_link_options("-fuse-ld=${linker}")
      message(STATUS "fakezoom: linking with ${linker} (-DFAKEZOOM_FAST_LINKER=OFF to stop)")
      break()
    endif()
  endforeach()
endif()
