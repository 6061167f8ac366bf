export interface InitGeneratorSchema {
  adrDirectory?: string;
  catalogInfo?: boolean;
  owner?: string;
  eslint?: boolean;
  keepExistingVersions?: boolean;
  updatePackageScripts?: boolean;
  skipFormat?: boolean;
}
