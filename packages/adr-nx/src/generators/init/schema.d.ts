export interface InitGeneratorSchema {
  adrDirectory?: string;
  catalogInfo?: boolean;
  owner?: string;
  keepExistingVersions?: boolean;
  updatePackageScripts?: boolean;
  skipFormat?: boolean;
}
